import Foundation

/// Turns token-file members into a token and back.
///
/// Members are handled as `JSONSerialization` objects rather than ``JSONValue`` so that a number
/// `JSONValue` cannot hold (an `expires_at` of `1e300`, a host's own huge number) neither makes the
/// file unreadable nor is lost when the store rewrites the file.
enum TokenFileMembers {
    /// The members the store writes from the token's own properties.
    static let known: Set<String> = ["access_token", "refresh_token", "expires_at", "token_type", "scope"]

    /// Why a file's members are not a usable token; a reason only, never a value.
    struct Damage: Error {
        let reason: String
    }

    /// The top-level object of a token file, or `nil` when the bytes are not a JSON object.
    ///
    /// A member `JSONSerialization` could not write back (a parser that reads `1e999` as infinity)
    /// is left out: writing it would raise an exception rather than throw.
    static func object(from data: Data) -> [String: Any]? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        return object.filter { JSONSerialization.isValidJSONObject([$0.value]) }
    }

    /// The token the members describe.
    static func token(from members: [String: Any]) throws(Damage) -> OAuth2Token {
        guard let access = members["access_token"] as? String, !access.isEmpty else {
            throw Damage(reason: "the token file has no usable access_token")
        }
        var extra: [String: JSONValue] = [:]
        for (key, value) in members where !known.contains(key) {
            // A member JSONValue cannot represent stays in the file (saves keep it) but is not offered here.
            if let json = jsonValue(value) { extra[key] = json }
        }
        return OAuth2Token(
            accessToken: Secret(access),
            refreshToken: try string(members, "refresh_token").flatMap { $0.isEmpty ? nil : Secret($0) },
            expiresAt: try expiry(members["expires_at"]),
            tokenType: try string(members, "token_type"),
            scope: try string(members, "scope"),
            additionalFields: extra
        )
    }

    /// `existing` with `token` written over it: its additional fields, then its own members.
    ///
    /// A known member the token lacks is removed, so the file never pairs a new access token with
    /// an old expiry or refresh token.
    static func merging(_ token: OAuth2Token, over existing: [String: Any]) -> [String: Any] {
        var members = existing
        for (key, value) in token.additionalFields {
            if let object = foundationObject(value) { members[key] = object }
        }
        for key in known { members[key] = nil }
        members["access_token"] = token.accessToken.revealed
        members["refresh_token"] = token.refreshToken?.revealed
        // Finite by OAuth2Token's own guarantee, so JSONSerialization can always write it.
        members["expires_at"] = token.expiresAt?.timeIntervalSince1970
        members["token_type"] = token.tokenType
        members["scope"] = token.scope
        return members
    }

    private static func string(_ members: [String: Any], _ key: String) throws(Damage) -> String? {
        switch members[key] {
        case .none, .some(is NSNull): return nil
        case .some(let text as String): return text
        default: throw Damage(reason: "the token file's \(key) is not a string")
        }
    }

    private static func expiry(_ value: Any?) throws(Damage) -> Date? {
        var seconds: Double?
        switch value {
        case .none, .some(is NSNull): return nil
        case .some(let number as NSNumber) where !isBoolean(number): seconds = number.doubleValue
        case .some(let text as String): seconds = Double(text.trimmingCharacters(in: .whitespaces))
        default: seconds = nil
        }
        guard let seconds, seconds.isFinite else {
            throw Damage(reason: "the token file's expires_at is not a finite number of seconds")
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// `JSONSerialization` reads `true` and `false` as numbers whose type code is `c` (a C `char`).
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    private static func jsonValue(_ object: Any) -> JSONValue? {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed]) else {
            return nil
        }
        return try? JSONValue(jsonData: data)
    }

    private static func foundationObject(_ value: JSONValue) -> Any? {
        guard let data = try? JSONEncoder().encode(value) else { return nil }
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }
}
