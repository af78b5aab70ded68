/// The portal's own error body, as it sends it with an HTTP error:
/// `{"statusCode": 404, "message": "Not Found"}`, or for a rejected request
/// `{"statusCode": 400, "message": ["username must be an email"], "error": "Bad Request"}`.
///
/// Read it from a failed call with `error.vendorError(as: FlowerhubPortalError.self)`; the
/// ``APIError`` also carries its texts as ``APIError/vendorMessage`` (the messages joined with
/// `"; "`) and ``APIError/vendorCode`` (the `error` text). It is read from the body after the
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
}
