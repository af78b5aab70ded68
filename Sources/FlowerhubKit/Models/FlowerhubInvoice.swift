import AuthCore

/// One line of an invoice.
public struct FlowerhubInvoiceLine: Sendable, Equatable, Codable {
    /// The item id (a numeric string); `""` when missing.
    public var itemId: String
    /// The line name; `""` when missing.
    public var name: String
    /// The line description; `""` when missing.
    public var description: String
    /// The unit price (a decimal string); `""` when missing.
    public var price: String
    /// The volume (a decimal string); `""` when missing.
    public var volume: String
    /// The amount (a decimal string); `""` when missing.
    public var amount: String
    /// The settlements, an array or object of unknown shape; `[]` when missing.
    public var settlements: JSONValue

    enum CodingKeys: String, CodingKey {
        case itemId = "item_id"
        case name, description, price, volume, amount, settlements
    }

    /// Creates an invoice line.
    public init(
        itemId: String = "", name: String = "", description: String = "", price: String = "",
        volume: String = "", amount: String = "", settlements: JSONValue = .array([])
    ) {
        self.itemId = itemId
        self.name = name
        self.description = description
        self.price = price
        self.volume = volume
        self.amount = amount
        self.settlements = settlements
    }
}

/// An invoice (`GET /asset-owner/{id}/invoice`). Ids, amounts and dates stay text as sent.
public struct FlowerhubInvoice: Sendable, Equatable, Codable {
    /// The invoice id; `""` when missing.
    public var id: String
    /// The due date.
    public var dueDate: String?
    /// The OCR payment reference.
    public var ocr: String?
    /// The status text, for example `"Paid"`.
    public var invoiceStatus: String?
    /// Whether the invoice has settlements (`"1"`/`"0"` as sent).
    public var invoiceHasSettlements: String?
    /// The status id.
    public var invoiceStatusId: String?
    /// The creation date.
    public var invoiceCreateDate: String?
    /// The invoiced month (`YYYY-MM-DD`).
    public var invoicedMonth: String?
    /// The period in words, for example `"januari 2026"`.
    public var invoicePeriod: String?
    /// The invoice date.
    public var invoiceDate: String?
    /// The total amount.
    public var totalAmount: String?
    /// The remaining amount.
    public var remainingAmount: String?
    /// The lines; `[]` when missing or `null`.
    public var invoiceLines: [FlowerhubInvoiceLine]
    /// The PDF URL.
    public var invoicePdf: String?
    /// The type id.
    public var invoiceTypeId: String?
    /// The type text, for example `"Group"` or `"Site"`.
    public var invoiceType: String?
    /// The claim status.
    public var claimStatus: String?
    /// The claim reminder PDF URL.
    public var claimReminderPdf: String?
    /// The grid site id.
    public var siteId: String?
    /// The per-site invoices of a group invoice; `[]` when missing or `null`.
    public var subGroupInvoices: [FlowerhubInvoice]
    /// The current payment type id.
    public var currentPaymentTypeId: String?
    /// The current payment type name, for example `"Autogiro"`.
    public var currentPaymentTypeName: String?

    enum CodingKeys: String, CodingKey {
        case id
        case dueDate = "due_date"
        case ocr
        case invoiceStatus = "invoice_status"
        case invoiceHasSettlements = "invoice_has_settlements"
        case invoiceStatusId = "invoice_status_id"
        case invoiceCreateDate = "invoice_create_date"
        case invoicedMonth = "invoiced_month"
        case invoicePeriod = "invoice_period"
        case invoiceDate = "invoice_date"
        case totalAmount = "total_amount"
        case remainingAmount = "remaining_amount"
        case invoiceLines = "invoice_lines"
        case invoicePdf = "invoice_pdf"
        case invoiceTypeId = "invoice_type_id"
        case invoiceType = "invoice_type"
        case claimStatus = "claim_status"
        case claimReminderPdf = "claim_reminder_pdf"
        case siteId = "site_id"
        case subGroupInvoices = "sub_group_invoices"
        case currentPaymentTypeId = "current_payment_type_id"
        case currentPaymentTypeName = "current_payment_type_name"
    }

    /// Creates an invoice with only an id; set the other fields as needed.
    public init(id: String = "") {
        self.id = id
        self.invoiceLines = []
        self.subGroupInvoices = []
    }
}
