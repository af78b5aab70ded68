import AuthCore

/// Reads the consumption list.
enum ConsumptionParser {
    /// The records; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list" when the body is not an array.
    static func records(_ json: JSONValue?) throws(PayloadIssue) -> [FlowerhubConsumptionRecord] {
        PayloadShape.objects(in: try PayloadShape.list(json, "consumption")).map(record)
    }

    static func record(_ object: [String: JSONValue]) -> FlowerhubConsumptionRecord {
        let validTo = object["valid_to"]?.lenientString
        return FlowerhubConsumptionRecord(
            siteId: object["site_id"]?.lenientString ?? "",
            validFrom: object["valid_from"]?.lenientString ?? "",
            validTo: validTo?.isEmpty == false ? validTo : nil,
            invoicedMonth: object["invoiced_month"]?.lenientString ?? "",
            volume: object["volume"]?.lenientDouble,
            type: object["type"]?.lenientString ?? "",
            typeId: object["type_id"]?.lenientInt
        )
    }
}
