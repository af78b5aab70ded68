import Foundation

/// Turns a token endpoint's JSON answer into an ``OAuth2Token``.
///
/// The arguments are the parsed body and the time the response arrived (for `expires_in`).
public typealias TokenResponseDecoder = @Sendable (JSONValue, Date) throws -> OAuth2Token

/// Token-response readers for standard and quirky servers.
public enum TokenResponse {
    /// RFC 6749 responses, read leniently: `expires_in` as a number or numeric string (or the
    /// `expire_in` misspelling), `scope` as a string or an array, other members kept.
    ///
    /// A lifetime that is not a finite number of seconds above zero and at most 100 years (`"inf"`,
    /// `"1e999"`, `"nan"`, `-5`, `1e300`) is ignored as if absent: the token is still used, with its expiry
    /// unknown, so a 401 rather than the clock says when to refresh it.
    ///
    /// - Throws: ``APIError`` of kind `invalidResponse` when there is no `access_token`.
    public static let standard: TokenResponseDecoder = { json, issuedAt in
        guard case .object(let object) = json else {
            throw APIError(kind: .invalidResponse, message: "token response is not a JSON object")
        }
        guard let access = object["access_token"]?.stringValue, !access.isEmpty else {
            throw APIError(kind: .invalidResponse, message: "token response has no access_token")
        }
        let seconds = lifetime(object["expires_in"]) ?? lifetime(object["expire_in"])
        let scope: String?
        switch object["scope"] {
        case .string(let value)?: scope = value
        case .array(let values)?: scope = values.compactMap(\.stringValue).joined(separator: " ")
        default: scope = nil
        }
        let known: Set<String> = ["access_token", "refresh_token", "expires_in", "token_type", "scope"]
        return OAuth2Token(
            accessToken: Secret(access),
            refreshToken: object["refresh_token"]?.stringValue.flatMap { $0.isEmpty ? nil : Secret($0) },
            expiresAt: seconds.map { issuedAt.addingTimeInterval($0) },
            tokenType: object["token_type"]?.stringValue,
            scope: scope,
            additionalFields: object.filter { !known.contains($0.key) }
        )
    }

    /// For servers that wrap the token in an envelope member (for example `{"code":200,"data":{…}}`):
    /// uses the top level when it has `access_token`, otherwise the member named `key`.
    public static func unwrapping(_ key: String) -> TokenResponseDecoder {
        { json, issuedAt in
            if json["access_token"] != nil { return try standard(json, issuedAt) }
            guard let inner = json[key], inner["access_token"] != nil else {
                throw APIError(
                    kind: .invalidResponse,
                    message: "token response has no access_token at the top level or under \"\(key)\"")
            }
            return try standard(inner, issuedAt)
        }
    }

    /// The longest `expires_in` believed; anything longer is a server bug, not a promise.
    private static let maximumLifetime: Double = 100 * 365.25 * 24 * 3600

    /// A usable lifetime in seconds, or `nil` when the value is absent or not a sane number.
    private static func lifetime(_ value: JSONValue?) -> Double? {
        let seconds: Double?
        switch value {
        case .number?: seconds = value?.doubleValue
        case .string(let text)?: seconds = Double(text.trimmingCharacters(in: .whitespaces))
        default: seconds = nil
        }
        guard let seconds, seconds.isFinite, seconds > 0, seconds <= maximumLifetime else { return nil }
        return seconds
    }
}
