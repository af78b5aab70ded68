import AuthCore

/// U-Tec's own error, as it arrives inside an answer: `payload.error` of the action API
/// (often with HTTP 200), or the token endpoint's `{"code":…, "message":…}`.
///
/// It travels as the `APIError`'s `vendorError`:
///
/// ```swift
/// if error.vendorError(as: UtecServiceError.self)?.isInvalidToken == true { … }
/// ```
public struct UtecServiceError: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The vendor's code, for example `INVALID_TOKEN`, `INTERNAL_ERROR` or `invalid_grant`.
    public var code: String
    /// The vendor's message, if any.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case code
        case message
    }

    /// Creates an error.
    public init(code: String, message: String? = nil) {
        self.code = code
        self.message = message
    }

    /// Whether the access token was refused (`INVALID_TOKEN`, in any casing).
    public var isInvalidToken: Bool { code.caseInsensitiveCompare("INVALID_TOKEN") == .orderedSame }

    /// `<code>: <message>`.
    public var description: String { message.map { "\(code): \($0)" } ?? code }
}
