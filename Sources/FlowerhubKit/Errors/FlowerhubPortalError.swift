/// The portal's own error body, as it sends it with an HTTP error: `{"statusCode": 404,
/// "message": "Not Found"}`. A list of messages and an `error` name
/// (`{"statusCode": 400, "message": ["…"], "error": "Bad Request"}`) are read too.
///
/// Read it from a failed call with `error.vendorError(as: FlowerhubPortalError.self)`; the
/// `APIError` also carries its texts as `APIError.vendorMessage` (the messages joined with
/// `"; "`) and `APIError.vendorCode` (the `error` name). It is read from the body after the
/// secrets the request sent were removed.
public struct FlowerhubPortalError: Sendable, Equatable, Codable {
    /// The status the body repeats, when it is a whole number.
    public var statusCode: Int?
    /// The message, or each message of a list; empty when the body has none.
    public var messages: [String]
    /// The short error name (usually the HTTP reason phrase, such as `"Bad Request"`).
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case statusCode
        case messages = "message"
        case error
    }

    /// Creates a portal error.
    public init(statusCode: Int? = nil, messages: [String] = [], error: String? = nil) {
        self.statusCode = statusCode
        self.messages = messages
        self.error = error
    }

    /// Decodes the body's shape: `message` is one text or a list of texts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        statusCode = try container.decodeIfPresent(Int.self, forKey: .statusCode)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        if let single = try? container.decodeIfPresent(String.self, forKey: .messages) {
            messages = [single]
        } else {
            messages = try container.decodeIfPresent([String].self, forKey: .messages) ?? []
        }
    }
}
