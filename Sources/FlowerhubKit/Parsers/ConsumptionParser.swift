import AuthCore

/// Reads the consumption list.
enum ConsumptionParser {
    /// The records; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list" when the body is not an array.
    static func records(_ json: JSONValue?) throws(PayloadIssue) -> [ConsumptionRecord] {
        PayloadShape.objects(in: try PayloadShape.list(json, "consumption")).map(record)
    }

    static func record(_ object: [String: JSONValue]) -> ConsumptionRecord {
        let validTo = Lenient.string(object["valid_to"])
        return ConsumptionRecord(
            siteId: Lenient.string(object["site_id"]) ?? "",
            validFrom: Lenient.string(object["valid_from"]) ?? "",
            validTo: validTo?.isEmpty == false ? validTo : nil,
            invoicedMonth: Lenient.string(object["invoiced_month"]) ?? "",
            volume: Lenient.double(object["volume"]),
            type: Lenient.string(object["type"]) ?? "",
            typeId: Lenient.int(object["type_id"])
        )
    }
}
