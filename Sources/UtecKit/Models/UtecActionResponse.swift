import AuthCore

/// One action answer: the echoed header and the payload, read leniently (the header may be
/// missing or use `playloadVersion`; an HTTP 204 reads as an empty payload).
public struct UtecActionResponse: Sendable, Equatable, Codable {
    /// The header, when the answer has one.
    public var header: UtecActionHeader?
    /// The payload (`{}` when absent).
    public var payload: JSONValue

    enum CodingKeys: String, CodingKey {
        case header
        case payload
    }

    /// Creates an answer.
    public init(header: UtecActionHeader?, payload: JSONValue) {
        self.header = header
        self.payload = payload
    }

    /// Reads an answer from JSON.
    init(json: JSONValue) throws {
        guard json.objectValue != nil else {
            throw UtecError(.invalidPayload, "the action answer is not a JSON object")
        }
        header = json["header"].flatMap { $0.objectValue == nil ? nil : UtecActionHeader(json: $0) }
        payload = json["payload"] ?? [:]
    }
}
