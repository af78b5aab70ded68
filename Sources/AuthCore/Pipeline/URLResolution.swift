import Foundation

/// Joins endpoint paths to base URLs and enforces the transport-security rule.
enum URLResolution {
    /// The absolute URL for `path` (relative or absolute) plus `query`.
    static func resolve(_ path: String, query: [URLQueryItem], against base: URL) throws -> URL {
        var text: String
        if path.lowercased().hasPrefix("https://") || path.lowercased().hasPrefix("http://") {
            text = path
        } else {
            var relative = Substring(path)
            while relative.hasPrefix("/") { relative.removeFirst() }
            if relative.isEmpty {
                text = base.absoluteString
            } else {
                var baseText = base.absoluteString
                while baseText.hasSuffix("/") { baseText.removeLast() }
                text = baseText + "/" + relative
            }
        }
        if !query.isEmpty {
            text += (text.contains("?") ? "&" : "?") + URLEncoding.query(query)
        }
        guard let url = URL(string: text), url.host != nil else {
            throw APIError(kind: .invalidConfiguration, message: "endpoint path does not form a valid URL")
        }
        try validate(url)
        return url
    }

    /// Refuses URLs that are not `https`, except `http` to a loopback host.
    static func validate(_ url: URL) throws {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw APIError(kind: .invalidConfiguration, message: "URL must have a scheme and a host")
        }
        switch scheme {
        case "https":
            return
        case "http" where isLoopback(host):
            return
        case "http":
            throw APIError(
                kind: .invalidConfiguration,
                message: "plain http is allowed only for loopback hosts; use https for \(host)")
        default:
            throw APIError(kind: .invalidConfiguration, message: "unsupported URL scheme \(scheme)")
        }
    }

    /// 127.0.0.0/8, `localhost` and `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".")
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
