import AuthCore

/// Reads the electricity-agreement body.
enum AgreementParser {
    /// The agreement; a side that is not an object is `nil`; ids are read leniently.
    ///
    /// - Throws: "expected dict" when the body is not an object.
    static func agreement(_ json: JSONValue?) throws(PayloadIssue) -> ElectricityAgreement {
        let object = try PayloadShape.object(json, "electricity-agreement")
        return ElectricityAgreement(
            consumption: object["consumption"]?.objectValue.map(state),
            production: object["production"]?.objectValue.map(state)
        )
    }

    static func state(_ object: [String: JSONValue]) -> AgreementState {
        AgreementState(
            stateCategory: Lenient.string(object["stateCategory"]),
            stateId: Lenient.int(object["stateId"]),
            siteId: Lenient.int(object["siteId"]),
            startDate: Lenient.string(object["startDate"]),
            terminationDate: Lenient.string(object["terminationDate"])
        )
    }
}
