// Business Central writes "no date" as year 1 (`0001-01-01`, `0001-01-01T00:00:00Z`) instead of
// null; the models' optional dates read it as absent.

extension KeyedDecodingContainer {
    /// Decodes an optional BC date, treating the blank date as absent. Synthesized `Codable`
    /// conformances in this module pick this overload for `BCDate?` properties.
    func decodeIfPresent(_ type: BCDate.Type, forKey key: Key) throws -> BCDate? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let date = try decode(BCDate.self, forKey: key)
        return date.isBlank ? nil : date
    }

    /// Decodes an optional BC date-time, treating the blank date-time as absent.
    func decodeIfPresent(_ type: BCDateTime.Type, forKey key: Key) throws -> BCDateTime? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let value = try decode(BCDateTime.self, forKey: key)
        return value.isBlank ? nil : value
    }
}
