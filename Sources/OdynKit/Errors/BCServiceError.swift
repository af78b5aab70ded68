import AuthCore
import Foundation

/// A Business Central error body: `{"error":{"code":"…","message":"…  CorrelationId:  <guid>."}}`.
public struct BCServiceError: Sendable, Equatable, Codable {
    /// The error code, for example `BadRequest_NotFound` or `Request_EntityChanged`.
    public var code: String?
    /// The message as Business Central wrote it.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case code
        case message
    }

    /// Creates an error body.
    public init(code: String?, message: String?) {
        self.code = code
        self.message = message
    }

    /// The correlation id Business Central puts at the end of the message, if any.
    public var correlationId: String? {
        message.flatMap(BCServiceError.correlationId(in:))
    }

    /// Reads the `error` member of a BC error body; `nil` when the body has no such object.
    public static func parse(_ body: Data?) -> BCServiceError? {
        guard let body, let json = try? JSONValue(jsonData: body) else { return nil }
        return parse(json)
    }

    /// Reads the `error` member of a parsed BC error body; `nil` when there is no such object.
    public static func parse(_ json: JSONValue) -> BCServiceError? {
        guard case .object(let inner)? = json["error"] else { return nil }
        return BCServiceError(code: inner["code"]?.stringValue, message: inner["message"]?.stringValue)
    }

    /// Pulls the GUID after `CorrelationId:` out of a message.
    public static func correlationId(in message: String) -> String? {
        let pattern = "CorrelationId:\\s*([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
            let range = Range(match.range(at: 1), in: message)
        else { return nil }
        return String(message[range])
    }
}
