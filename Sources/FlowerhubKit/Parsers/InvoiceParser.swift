import AuthCore

/// Reads the invoice list. `null` is treated as missing everywhere: a `null` id becomes `""`
/// (never `"None"`), and `null` line or sub-invoice lists become `[]`.
enum InvoiceParser {
    /// The invoices; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list" when the body is not an array.
    static func invoices(_ json: JSONValue?) throws(PayloadIssue) -> [FlowerhubInvoice] {
        PayloadShape.objects(in: try PayloadShape.list(json, "invoice")).map(invoice)
    }

    static func invoice(_ object: [String: JSONValue]) -> FlowerhubInvoice {
        var invoice = FlowerhubInvoice(id: object["id"]?.lenientString ?? "")
        invoice.dueDate = object["due_date"]?.lenientString
        invoice.ocr = object["ocr"]?.lenientString
        invoice.invoiceStatus = object["invoice_status"]?.lenientString
        invoice.invoiceHasSettlements = object["invoice_has_settlements"]?.lenientString
        invoice.invoiceStatusId = object["invoice_status_id"]?.lenientString
        invoice.invoiceCreateDate = object["invoice_create_date"]?.lenientString
        invoice.invoicedMonth = object["invoiced_month"]?.lenientString
        invoice.invoicePeriod = object["invoice_period"]?.lenientString
        invoice.invoiceDate = object["invoice_date"]?.lenientString
        invoice.totalAmount = object["total_amount"]?.lenientString
        invoice.remainingAmount = object["remaining_amount"]?.lenientString
        invoice.invoiceLines = PayloadShape.objects(in: object["invoice_lines"]?.arrayValue ?? []).map(line)
        invoice.invoicePdf = object["invoice_pdf"]?.lenientString
        invoice.invoiceTypeId = object["invoice_type_id"]?.lenientString
        invoice.invoiceType = object["invoice_type"]?.lenientString
        invoice.claimStatus = object["claim_status"]?.lenientString
        invoice.claimReminderPdf = object["claim_reminder_pdf"]?.lenientString
        invoice.siteId = object["site_id"]?.lenientString
        invoice.subGroupInvoices = PayloadShape.objects(in: object["sub_group_invoices"]?.arrayValue ?? []).map(
            Self.invoice)
        invoice.currentPaymentTypeId = object["current_payment_type_id"]?.lenientString
        invoice.currentPaymentTypeName = object["current_payment_type_name"]?.lenientString
        return invoice
    }

    static func line(_ object: [String: JSONValue]) -> FlowerhubInvoiceLine {
        // Careful: JSONValue is ExpressibleByNilLiteral, so test for null explicitly.
        var settlements = JSONValue.array([])
        if let value = object["settlements"], !value.isNull { settlements = value }
        return FlowerhubInvoiceLine(
            itemId: object["item_id"]?.lenientString ?? "",
            name: object["name"]?.lenientString ?? "",
            description: object["description"]?.lenientString ?? "",
            price: object["price"]?.lenientString ?? "",
            volume: object["volume"]?.lenientString ?? "",
            amount: object["amount"]?.lenientString ?? "",
            settlements: settlements
        )
    }
}
