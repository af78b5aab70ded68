import AuthCore
import Foundation

/// A Microsoft Entra ID token-endpoint error body: `{"error","error_description","error_codes",…}`.
public struct EntraTokenError: Sendable, Equatable, Codable {
    /// The OAuth error, for example `invalid_client`.
    public var error: String
    /// The description (`AADSTS…: …`).
    public var errorDescription: String?
    /// The numeric AADSTS codes.
    public var errorCodes: [Int]?
    /// When the error happened, as Entra ID wrote it.
    public var timestamp: String?
    /// Entra ID's trace id.
    public var traceId: String?
    /// Entra ID's correlation id.
    public var correlationId: String?
    /// A link to the error's documentation.
    public var errorURI: String?

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case errorCodes = "error_codes"
        case timestamp
        case traceId = "trace_id"
        case correlationId = "correlation_id"
        case errorURI = "error_uri"
    }

    /// Creates an error body.
    public init(
        error: String, errorDescription: String? = nil, errorCodes: [Int]? = nil, timestamp: String? = nil,
        traceId: String? = nil, correlationId: String? = nil, errorURI: String? = nil
    ) {
        self.error = error
        self.errorDescription = errorDescription
        self.errorCodes = errorCodes
        self.timestamp = timestamp
        self.traceId = traceId
        self.correlationId = correlationId
        self.errorURI = errorURI
    }

    /// Reads a token error body; `nil` when the body is not one (its `error` member must be a string).
    public static func parse(_ body: Data?) -> EntraTokenError? {
        guard let body, let json = try? JSONValue(jsonData: body), json["error"]?.stringValue != nil else { return nil }
        return try? JSONDecoder().decode(EntraTokenError.self, from: body)
    }
}
