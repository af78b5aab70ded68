import Foundation
import HTTPTypes

/// Removes secrets from everything AuthCore shows a person: log metadata, error descriptions and
/// body excerpts.
///
/// Redaction is by name: header names, query and form parameter names, and JSON keys that
/// usually carry credentials. Names are compared case-insensitively with `_` and `-` ignored, so
/// `access_token`, `accessToken` and `Access-Token` are all caught. Free text (HTML error pages,
/// plain-text bodies) is additionally scrubbed of bearer tokens and JWT-shaped strings.
public struct Redactor: Sendable {
    /// The text that stands in for a removed value.
    public static let placeholder = "<redacted>"

    /// How query-string values are treated in redacted URLs.
    public enum QueryValues: Sendable {
        /// Only values of sensitive parameter names are removed.
        case sensitiveOnly
        /// Every value is removed (for APIs whose filters carry personal data).
        case all
    }

    /// Header names whose values are always removed (lower-cased).
    public var sensitiveHeaders: Set<String>
    /// Normalised parameter and JSON key names whose values are removed.
    public var sensitiveKeys: Set<String>
    /// How query values in URLs are treated.
    public var queryValues: QueryValues
    /// The most characters of a body excerpt.
    public var maximumExcerptLength: Int

    /// The default header names treated as secret.
    public static let defaultSensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
        "ocp-apim-subscription-key", "x-auth-token", "x-access-token", "x-refresh-token",
    ]

    /// The default parameter and key names treated as secret (normalised: lower case, no `_` or `-`).
    public static let defaultSensitiveKeys: Set<String> = [
        "accesstoken", "refreshtoken", "idtoken", "token", "password", "passwd", "pwd", "clientsecret",
        "secret", "code", "authorizationcode", "codeverifier", "state", "assertion", "apikey", "key",
        "authorization", "authentication", "cookie", "setcookie", "refresh", "sessionid", "session",
        "signature", "sig",
    ]

    /// Creates a redactor.
    public init(
        sensitiveHeaders: Set<String> = Redactor.defaultSensitiveHeaders,
        sensitiveKeys: Set<String> = Redactor.defaultSensitiveKeys,
        queryValues: QueryValues = .sensitiveOnly,
        maximumExcerptLength: Int = 512
    ) {
        self.sensitiveHeaders = Set(sensitiveHeaders.map { $0.lowercased() })
        self.sensitiveKeys = Set(sensitiveKeys.map(Redactor.normalise))
        self.queryValues = queryValues
        self.maximumExcerptLength = maximumExcerptLength
    }

    /// The default redactor.
    public static let `default` = Redactor()

    static func normalise(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    /// Whether a parameter or JSON key name carries a secret.
    public func isSensitiveKey(_ name: String) -> Bool {
        sensitiveKeys.contains(Redactor.normalise(name))
    }

    /// Whether a header carries a secret.
    public func isSensitiveHeader(_ name: HTTPField.Name) -> Bool {
        sensitiveHeaders.contains(name.canonicalName)
    }
}

extension Redactor {
    /// The URL without user-info and with secret (or all) query values replaced.
    public func redact(url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return Redactor.placeholder
        }
        let query = components.percentEncodedQuery
        components.user = nil
        components.password = nil
        components.percentEncodedQuery = nil
        components.fragment = nil
        // The placeholder is not valid inside a URL, so the query is appended as display text.
        let base = components.string ?? Redactor.placeholder
        guard let query, !query.isEmpty else { return base }
        return base + "?" + redact(query: query)
    }

    /// A percent-encoded query or form body with secret (or all) values replaced; order is kept.
    public func redact(query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { part -> String in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pieces[0])
            guard pieces.count == 2 else { return name }
            let decodedName = FormEncoding.unescape(name)
            if queryValues == .all || isSensitiveKey(decodedName) {
                return "\(name)=\(Redactor.placeholder)"
            }
            return "\(name)=\(pieces[1])"
        }.joined(separator: "&")
    }

    /// Header fields with secret values replaced, as `name: value` lines.
    public func redact(headers: HTTPFields) -> [String: String] {
        var result: [String: String] = [:]
        for field in headers {
            let value = isSensitiveHeader(field.name) ? Redactor.placeholder : field.value
            if let existing = result[field.name.canonicalName] {
                result[field.name.canonicalName] = existing + ", " + value
            } else {
                result[field.name.canonicalName] = value
            }
        }
        return result
    }

    /// A short, redacted excerpt of a body, suitable for an error description or a log line.
    ///
    /// JSON has secret members replaced; form bodies have secret parameters replaced; other text
    /// is scrubbed of bearer tokens and JWTs and collapsed to one line; binary data is summarised.
    /// Only the first bytes of a large body are read: the work is bounded whatever the server sent.
    public func excerpt(of body: Data, contentType: String? = nil) -> String? {
        guard !body.isEmpty else { return nil }
        let type = contentType?.lowercased() ?? ""
        if body.count <= Redactor.maximumParsedBodySize, let json = try? JSONValue(jsonData: body) {
            let redacted = redact(json: json)
            let text = (try? redacted.jsonData()).flatMap { String(data: $0, encoding: .utf8) } ?? ""
            return truncate(text)
        }
        // Four times the excerpt leaves room for what scrubbing and collapsing white space remove.
        let head = body.prefix(max(maximumExcerptLength, 64) * 4)
        guard let text = Redactor.text(ofPrefix: head) else {
            return "<\(body.count) bytes of binary data>"
        }
        if type.contains("x-www-form-urlencoded") {
            return truncate(redact(query: text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return truncate(scrub(text: text))
    }

    /// A JSON value with the members of secret keys replaced, recursively.
    public func redact(json: JSONValue) -> JSONValue {
        switch json {
        case .object(let members):
            var copy: [String: JSONValue] = [:]
            for (key, value) in members {
                copy[key] = isSensitiveKey(key) && !value.isNull ? .string(Redactor.placeholder) : redact(json: value)
            }
            return .object(copy)
        case .array(let elements):
            return .array(elements.map { redact(json: $0) })
        default:
            return json
        }
    }

    /// The largest body ``excerpt(of:contentType:)`` parses as JSON; larger ones are read as text.
    public static let maximumParsedBodySize = 256 * 1024

    /// The prefix as UTF-8 text, tolerating a multi-byte character cut at the end; `nil` for binary data.
    static func text(ofPrefix prefix: Data) -> String? {
        if let text = String(data: prefix, encoding: .utf8) { return text }
        // Only bytes of a multi-byte sequence (0x80 and above) may have been cut off at the end.
        var trimmed = prefix
        for _ in 0..<3 {
            guard let last = trimmed.last, last >= 0x80 else { return nil }
            trimmed = trimmed.dropLast()
            if !trimmed.isEmpty, let text = String(data: trimmed, encoding: .utf8) { return text }
        }
        return nil
    }

    private func truncate(_ text: String) -> String {
        guard text.count > maximumExcerptLength else { return text }
        return String(text.prefix(maximumExcerptLength)) + "…"
    }
}
