import AuthCore

/// Reads the electricity-agreement body.
enum AgreementParser {
    /// The agreement; a side that is not an object is `nil`; ids are read leniently.
    ///
    /// - Throws: "expected dict" when the body is not an object.
    static func agreement(_ json: JSONValue?) throws(PayloadIssue) -> FlowerhubElectricityAgreement {
        let object = try PayloadShape.object(json, "electricity-agreement")
        return FlowerhubElectricityAgreement(
            consumption: object["consumption"]?.objectValue.map(state),
            production: object["production"]?.objectValue.map(state)
        )
    }

    static func state(_ object: [String: JSONValue]) -> FlowerhubAgreementState {
        FlowerhubAgreementState(
            stateCategory: object["stateCategory"]?.lenientString,
            stateId: object["stateId"]?.lenientInt,
            siteId: object["siteId"]?.lenientInt,
            startDate: object["startDate"]?.lenientString,
            terminationDate: object["terminationDate"]?.lenientString
        )
    }
}
