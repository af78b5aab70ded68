import AuthCore
import Foundation

/// Netatmo's error body, as the REST API and the token endpoint send it, with the real HTTP status.
///
/// The REST API answers `{"error":{"code":3,"message":"Access token expired"}}`; the token
/// endpoint answers OAuth's `{"error":"invalid_grant","error_description":"…"}`, and some answers
/// carry a bare string `{"error":"invalid_request"}`. All three are read here. Reach it from a
/// failed call with `error.vendorError(as: BticinoServiceError.self)`.
public struct BticinoServiceError: Sendable, Equatable, Codable {
    /// The HTTP status of the answer (never 0: the original library lost it).
    public var status: Int
    /// Netatmo's numeric error code (`2` invalid token, `3` expired token, …), when the body has one.
    public var code: Int?
    /// The OAuth error code (`invalid_grant`, `invalid_client`, …) or a bare string error.
    public var error: String?
    /// Netatmo's message or the OAuth `error_description`.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case status
        case code
        case error
        case message
    }

    /// Creates an error value.
    public init(status: Int, code: Int? = nil, error: String? = nil, message: String? = nil) {
        self.status = status
        self.code = code
        self.error = error
        self.message = message
    }

    /// Whether Netatmo says the access token is invalid or expired (codes 2 and 3).
    public var isTokenProblem: Bool { code == 2 || code == 3 }

    /// Reads a body; `nil` when it is not one of Netatmo's error shapes.
    static func parse(_ body: Data, status: Int) -> BticinoServiceError? {
        guard let json = try? JSONValue(jsonData: body), case .object(let object) = json else { return nil }
        switch object["error"] {
        case .object(let inner)?:
            return BticinoServiceError(
                status: status, code: inner["code"]?.lenientInt, error: nil,
                message: inner["message"]?.lenientString?.bticinoBounded())
        case .string(let text)?:
            return BticinoServiceError(
                status: status, code: nil, error: text.bticinoBounded(),
                message: object["error_description"]?.lenientString?.bticinoBounded())
        default:
            return nil
        }
    }
}
