import Foundation

/// An OAuth 2 token set: access token, optional refresh token and expiry.
///
/// Its `description` and `dump` output never show the tokens or the values of
/// ``additionalFields`` (a response's `id_token` is as secret as the access token). It encodes to
/// the token-file shape (`access_token`, `refresh_token`, `expires_at` in Unix seconds,
/// `token_type`, `scope`).
///
/// ``expiresAt`` is always a finite date or `nil`: a non-finite one (from `Date(timeIntervalSince1970: .infinity)`
/// or arithmetic on one) is replaced by `nil`, "expiry unknown", so no store ever has to encode it.
public struct OAuth2Token: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The access token.
    public var accessToken: Secret
    /// The refresh token, if the server issued one.
    public var refreshToken: Secret?
    /// When the access token expires; `nil` when the server did not say. Never infinite or NaN.
    public var expiresAt: Date? {
        didSet { expiresAt = Self.finite(expiresAt) }
    }
    /// The token type, usually `Bearer`.
    public var tokenType: String?
    /// The granted scope, space-separated.
    public var scope: String?
    /// Other members of the token response (for example `ext_expires_in`, `user_id`).
    public var additionalFields: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case expiresAt = "expires_at"
        case tokenType = "token_type"
        case scope
    }

    /// Creates a token.
    public init(
        accessToken: Secret,
        refreshToken: Secret? = nil,
        expiresAt: Date? = nil,
        tokenType: String? = "Bearer",
        scope: String? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = Self.finite(expiresAt)
        self.tokenType = tokenType
        self.scope = scope
        self.additionalFields = additionalFields
    }

    /// Decodes the token-file shape; `expires_at` may be a number or a numeric string.
    ///
    /// - Throws: `DecodingError` when `access_token` is missing or empty, or `expires_at` is present but
    ///   not a finite number (`"nan"`, `"inf"`, `"soon"`): stored data that cannot be read is damaged.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(Secret.self, forKey: .accessToken)
        guard !accessToken.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .accessToken, in: container, debugDescription: "access_token is empty"
            )
        }
        refreshToken = try container.decodeIfPresent(Secret.self, forKey: .refreshToken)
        var seconds: Double?
        if container.contains(.expiresAt), try !container.decodeNil(forKey: .expiresAt) {
            if let number = try? container.decode(Double.self, forKey: .expiresAt) {
                seconds = number
            } else if let text = try? container.decode(String.self, forKey: .expiresAt) {
                seconds = Double(text.trimmingCharacters(in: .whitespaces))
            }
            guard let seconds, seconds.isFinite else {
                throw DecodingError.dataCorruptedError(
                    forKey: .expiresAt, in: container, debugDescription: "expires_at is not a finite number of seconds"
                )
            }
        }
        expiresAt = seconds.map { Date(timeIntervalSince1970: $0) }
        tokenType = try container.decodeIfPresent(String.self, forKey: .tokenType)
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        additionalFields = [:]
    }

    /// Encodes the token-file shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encodeIfPresent(refreshToken, forKey: .refreshToken)
        try container.encodeIfPresent(expiresAt?.timeIntervalSince1970, forKey: .expiresAt)
        try container.encodeIfPresent(tokenType, forKey: .tokenType)
        try container.encodeIfPresent(scope, forKey: .scope)
    }

    /// Whether the token should be refreshed at `now`: it expires within `skew`.
    /// A token without a known expiry counts as valid; a 401 will say otherwise.
    public func needsRefresh(at now: Date, skew: Duration) -> Bool {
        guard let expiresAt else { return false }
        return now.addingTimeInterval(skew.seconds) >= expiresAt
    }

    /// This token with the old token's refresh token kept when the server did not rotate it.
    public func merged(over old: OAuth2Token?) -> OAuth2Token {
        var merged = self
        if merged.refreshToken == nil { merged.refreshToken = old?.refreshToken }
        if merged.scope == nil { merged.scope = old?.scope }
        return merged
    }

    private static func finite(_ date: Date?) -> Date? {
        guard let date, date.timeIntervalSince1970.isFinite else { return nil }
        return date
    }

    /// Redacted: shows only whether tokens are present and the expiry.
    public var description: String {
        let expiry = expiresAt.map { "\($0.timeIntervalSince1970)" } ?? "unknown"
        return
            "OAuth2Token(access: \(Redactor.placeholder), refresh: \(refreshToken == nil ? "none" : Redactor.placeholder), expiresAt: \(expiry))"
    }
}
