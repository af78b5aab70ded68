import AuthCore
import Foundation

extension OdynClient {
    /// Cleans up a base URL the way Odyn does, but stricter.
    ///
    /// Surrounding whitespace is removed and a trailing `/` added. Refused, each with
    /// ``OdynError`` of code `invalidURL` naming the reason: an empty string, a scheme other than
    /// `http`/`https` (matched without regard to case), no host, whitespace inside, a query or fragment
    /// (Odyn accepted `https://x?a=1` and produced `https://x?a=1/`), and user-info (`user:pw@`;
    /// credentials belong in the session).
    public static func normalizeBaseURL(_ input: String) throws -> URL {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw OdynError(.invalidURL, "URL cannot be empty") }
        guard trimmed.rangeOfCharacter(from: .whitespacesAndNewlines) == nil else {
            throw OdynError(.invalidURL, "URL must not contain whitespace, got \(input)")
        }
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else {
            throw OdynError(.invalidURL, "URL must have a valid scheme (http or https), got \(input)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw OdynError(.invalidURL, "URL must contain a valid domain, got \(input)")
        }
        guard components.percentEncodedQuery == nil else {
            throw OdynError(
                .invalidURL, "URL must not contain a query string (its values are not shown: they may be secret)")
        }
        guard components.fragment == nil else {
            throw OdynError(.invalidURL, "URL must not contain a fragment")
        }
        guard components.user == nil, components.password == nil else {
            throw OdynError(.invalidURL, "URL must not contain credentials; put them in the session")
        }
        let text = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        guard let url = URL(string: text) else {
            throw OdynError(.invalidURL, "URL could not be parsed, got \(input)")
        }
        return url
    }

    /// Checks an endpoint path and encodes it, and any query it carries, for the wire.
    ///
    /// Leading slashes are dropped so the base path is kept (as in Odyn). Absolute URLs, scheme-like
    /// prefixes, `.`/`..` segments (also percent-encoded), backslashes in the path and fragments are
    /// refused with an ``OdynError`` of code `invalidEndpoint`. The text is then percent-encoded once
    /// by the rule of ``EndpointEncoding``: valid `%XX` escapes are kept, a lone `%` is a literal,
    /// characters that cannot appear are escaped, and inside quoted literals `&`, `=` and `#` are data.
    static func checkedEndpoint(_ endpoint: String) throws -> String {
        var text = Substring(endpoint)
        while text.hasPrefix("/") { text.removeFirst() }
        let stops: Set<Character> = ["/", "?", "(", "'", ":"]
        if let first = text.first(where: { stops.contains($0) }), first == ":" {
            throw OdynError(.invalidEndpoint, "endpoint must be relative to the base URL, got an absolute URL")
        }
        let parts = EndpointEncoding.split(text)
        if parts.path.contains("\\") || parts.hasFragment {
            throw OdynError(.invalidEndpoint, "endpoint must not contain a backslash or a fragment")
        }
        for segment in parts.path.split(separator: "/", omittingEmptySubsequences: false) {
            let decoded = (String(segment).removingPercentEncoding ?? String(segment))
            if decoded == ".." || decoded == "." {
                throw OdynError(.invalidEndpoint, "endpoint must not contain '.' or '..' segments")
            }
        }
        var result = EndpointEncoding.path(parts.path)
        if let query = parts.query { result += "?" + EndpointEncoding.query(query) }
        return result
    }
}
