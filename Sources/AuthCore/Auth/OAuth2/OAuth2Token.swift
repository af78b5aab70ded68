import Foundation

/// An OAuth 2 token set: access token, optional refresh token and expiry.
///
/// Its `description` never shows the tokens. It encodes to the token-file shape
/// (`access_token`, `refresh_token`, `expires_at` in Unix seconds, `token_type`, `scope`).
public struct OAuth2Token: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The access token.
    public var accessToken: Secret
    /// The refresh token, if the server issued one.
    public var refreshToken: Secret?
    /// When the access token expires; `nil` when the server did not say.
    public var expiresAt: Date?
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
        self.expiresAt = expiresAt
        self.tokenType = tokenType
        self.scope = scope
        self.additionalFields = additionalFields
    }

    /// Decodes the token-file shape; `expires_at` may be a number or a numeric string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(Secret.self, forKey: .accessToken)
        refreshToken = try container.decodeIfPresent(Secret.self, forKey: .refreshToken)
        if let seconds = try? container.decodeIfPresent(Double.self, forKey: .expiresAt) {
            expiresAt = Date(timeIntervalSince1970: seconds)
        } else if let text = try? container.decodeIfPresent(String.self, forKey: .expiresAt), let seconds = Double(text) {
            expiresAt = Date(timeIntervalSince1970: seconds)
        } else {
            expiresAt = nil
        }
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

    /// Redacted: shows only whether tokens are present and the expiry.
    public var description: String {
        let expiry = expiresAt.map { "\($0.timeIntervalSince1970)" } ?? "unknown"
        return "OAuth2Token(access: \(Redactor.placeholder), refresh: \(refreshToken == nil ? "none" : Redactor.placeholder), expiresAt: \(expiry))"
    }
}
