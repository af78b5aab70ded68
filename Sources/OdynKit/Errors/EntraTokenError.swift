import AuthCore
import Foundation

/// A Microsoft Entra ID token-endpoint error body: `{"error","error_description","error_codes",…}`.
///
/// The `APIError` of a refused or failed token request carries it: read it with
/// `error.vendorError(as: EntraTokenError.self)`. Only the token endpoint's answers are read
/// this way (Business Central's never are), so its presence says the failure was the sign-in.
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

    /// Reads a token error body; `nil` when the body is not one (its `error` member must be a
    /// string). The error and description are bounded in length like `APIError`'s texts.
    public static func parse(_ body: Data) -> EntraTokenError? {
        guard let json = try? JSONValue(jsonData: body), case .string(let error)? = json["error"] else { return nil }
        return EntraTokenError(
            error: error.bounded(to: APIError.maximumTextLength / 4),
            errorDescription: json["error_description"]?.stringValue.map { $0.bounded() },
            errorCodes: json["error_codes"]?.arrayValue?.compactMap(\.intValue),
            timestamp: json["timestamp"]?.stringValue.map { $0.bounded(to: 64) },
            traceId: json["trace_id"]?.stringValue.map { $0.bounded(to: 64) },
            correlationId: json["correlation_id"]?.stringValue.map { $0.bounded(to: 64) },
            errorURI: json["error_uri"]?.stringValue.map { $0.bounded() }
        )
    }
}
