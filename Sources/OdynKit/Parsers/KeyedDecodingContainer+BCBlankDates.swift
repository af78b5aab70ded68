// Business Central writes "no date" as year 1 (`0001-01-01`, `0001-01-01T00:00:00Z`) instead of
// null; the models' optional dates read it as absent.

extension KeyedDecodingContainer {
    /// Decodes an optional BC date, treating the blank date as absent. Synthesized `Codable`
    /// conformances in this module pick this overload for `BCDate?` properties.
    func decodeIfPresent(_ type: BCDate.Type, forKey key: Key) throws -> BCDate? {
        try decodeIfPresent(NonBlank<BCDate>.self, forKey: key)?.value
    }

    /// Decodes an optional BC date-time, treating the blank date-time as absent.
    func decodeIfPresent(_ type: BCDateTime.Type, forKey key: Key) throws -> BCDateTime? {
        try decodeIfPresent(NonBlank<BCDateTime>.self, forKey: key)?.value
    }
}

/// A BC date or date-time that is `nil` when blank. Decoding through it lets the container find
/// the member once (a `null` or missing member is handled by the standard `decodeIfPresent`)
/// instead of asking `contains`, `decodeNil` and `decode` in turn.
private struct NonBlank<Value: BCBlankable>: Decodable {
    let value: Value?

    init(from decoder: any Decoder) throws {
        let decoded = try Value(from: decoder)
        value = decoded.isBlank ? nil : decoded
    }
}

/// A value Business Central may send blank.
private protocol BCBlankable: Decodable {
    /// Whether this is BC's blank value.
    var isBlank: Bool { get }
}

extension BCDate: BCBlankable {}
extension BCDateTime: BCBlankable {}
