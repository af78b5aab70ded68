import AuthCore

/// Reads the invoice list. `null` is treated as missing everywhere: a `null` id becomes `""`
/// (never `"None"`), and `null` line or sub-invoice lists become `[]`.
enum InvoiceParser {
    /// The invoices; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list" when the body is not an array.
    static func invoices(_ json: JSONValue?) throws(PayloadIssue) -> [Invoice] {
        PayloadShape.objects(in: try PayloadShape.list(json, "invoice")).map(invoice)
    }

    static func invoice(_ object: [String: JSONValue]) -> Invoice {
        var invoice = Invoice(id: Lenient.string(object["id"]) ?? "")
        invoice.dueDate = Lenient.string(object["due_date"])
        invoice.ocr = Lenient.string(object["ocr"])
        invoice.invoiceStatus = Lenient.string(object["invoice_status"])
        invoice.invoiceHasSettlements = Lenient.string(object["invoice_has_settlements"])
        invoice.invoiceStatusId = Lenient.string(object["invoice_status_id"])
        invoice.invoiceCreateDate = Lenient.string(object["invoice_create_date"])
        invoice.invoicedMonth = Lenient.string(object["invoiced_month"])
        invoice.invoicePeriod = Lenient.string(object["invoice_period"])
        invoice.invoiceDate = Lenient.string(object["invoice_date"])
        invoice.totalAmount = Lenient.string(object["total_amount"])
        invoice.remainingAmount = Lenient.string(object["remaining_amount"])
        invoice.invoiceLines = PayloadShape.objects(in: object["invoice_lines"]?.arrayValue ?? []).map(line)
        invoice.invoicePdf = Lenient.string(object["invoice_pdf"])
        invoice.invoiceTypeId = Lenient.string(object["invoice_type_id"])
        invoice.invoiceType = Lenient.string(object["invoice_type"])
        invoice.claimStatus = Lenient.string(object["claim_status"])
        invoice.claimReminderPdf = Lenient.string(object["claim_reminder_pdf"])
        invoice.siteId = Lenient.string(object["site_id"])
        invoice.subGroupInvoices = PayloadShape.objects(in: object["sub_group_invoices"]?.arrayValue ?? []).map(
            Self.invoice)
        invoice.currentPaymentTypeId = Lenient.string(object["current_payment_type_id"])
        invoice.currentPaymentTypeName = Lenient.string(object["current_payment_type_name"])
        return invoice
    }

    static func line(_ object: [String: JSONValue]) -> InvoiceLine {
        // Careful: JSONValue is ExpressibleByNilLiteral, so test for null explicitly.
        var settlements = JSONValue.array([])
        if let value = object["settlements"], !value.isNull { settlements = value }
        return InvoiceLine(
            itemId: Lenient.string(object["item_id"]) ?? "",
            name: Lenient.string(object["name"]) ?? "",
            description: Lenient.string(object["description"]) ?? "",
            price: Lenient.string(object["price"]) ?? "",
            volume: Lenient.string(object["volume"]) ?? "",
            amount: Lenient.string(object["amount"]) ?? "",
            settlements: settlements
        )
    }
}
