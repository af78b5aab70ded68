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
    /// - Throws: ``APIError`` of kind `invalidResponse` when there is no `access_token`.
    public static let standard: TokenResponseDecoder = { json, issuedAt in
        guard case .object(let object) = json else {
            throw APIError(kind: .invalidResponse, message: "token response is not a JSON object")
        }
        guard let access = object["access_token"]?.stringValue, !access.isEmpty else {
            throw APIError(kind: .invalidResponse, message: "token response has no access_token")
        }
        let lifetime = seconds(object["expires_in"]) ?? seconds(object["expire_in"])
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
            expiresAt: lifetime.flatMap { $0 > 0 ? issuedAt.addingTimeInterval($0) : nil },
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
                throw APIError(kind: .invalidResponse, message: "token response has no access_token at the top level or under \"\(key)\"")
            }
            return try standard(inner, issuedAt)
        }
    }

    private static func seconds(_ value: JSONValue?) -> Double? {
        switch value {
        case .number?: return value?.doubleValue
        case .string(let text)?: return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }
}
