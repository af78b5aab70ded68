import Foundation

/// Host names and the `Domain` attribute (RFC 6265 sections 5.1.3 and 5.3).
enum CookieDomain {
    /// The request's host, lower-cased, without the brackets of an IPv6 literal.
    static func host(of url: URL) -> String? {
        guard let host = url.host?.lowercased() else { return nil }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare.isEmpty ? nil : bare
    }

    /// Whether `host` is an IP address rather than a name.
    ///
    /// Any IPv6 literal has a colon. For IPv4 this follows the URL standard's rule that a host whose
    /// last label is a number is an address, which also covers forms like `127.1` and `0x7f.0.0.1`;
    /// no registered name ends in a numeric label.
    static func isIPAddress(_ host: String) -> Bool {
        if host.contains(":") { return true }
        guard let last = host.split(separator: ".").last else { return false }
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        if last.utf8.allSatisfy(digits.contains) { return true }
        let lower = last.lowercased()
        return lower.hasPrefix("0x") && lower.dropFirst(2).allSatisfy(\.isHexDigit)
    }

    /// Whether a cookie for `domain` may go to `host`: the same string, or `host` is a name
    /// (not an IP address) ending in `.` + `domain`.
    static func matches(host: String, domain: String) -> Bool {
        host == domain || (host.hasSuffix("." + domain) && !isIPAddress(host))
    }

    /// The domains whose cookies may match `host`: the host itself and, for a name, each parent.
    static func candidates(for host: String) -> [Substring] {
        if isIPAddress(host) { return [Substring(host)] }
        var result = [Substring(host)]
        var rest = Substring(host)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            if !rest.isEmpty { result.append(rest) }
        }
        return result
    }

    /// The domain a cookie is kept under: the `Domain` attribute when the request host may use it,
    /// `host` itself for a host-only cookie, or `nil` when the cookie must be refused.
    ///
    /// A public suffix or an IP address is never a cookie domain; the attribute is tolerated only
    /// when it names the request host itself, and the cookie is then host-only (RFC 6265 5.3 step 5).
    static func scope(attribute: String?, host: String) -> (domain: String, hostOnly: Bool)? {
        guard let attribute else { return (host, true) }
        if attribute == host, isIPAddress(host) || PublicSuffixes.contains(attribute) { return (host, true) }
        guard !isIPAddress(host), !PublicSuffixes.contains(attribute), matches(host: host, domain: attribute) else {
            return nil
        }
        return (attribute, false)
    }
}
