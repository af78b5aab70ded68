import Foundation
import Synchronization

/// The cookies of one client, kept in memory by AuthCore rather than in a process-wide store.
///
/// FoundationNetworking's shared cookie storage persists to disk and is shared by the whole
/// process, so two accounts in one app would share a session. A `CookieJar` belongs to one
/// client: it reads `Set-Cookie` from that client's responses and sends matching cookies back.
/// It honours `Domain`, `Path`, `Max-Age`, `Expires` and `Secure` (secure cookies go to https,
/// or to loopback hosts for local testing). Its `description` never shows cookie values.
public final class CookieJar: Sendable, CustomStringConvertible {
    private struct Cookie: Sendable {
        var name: String
        var value: String
        var domain: String
        var hostOnly: Bool
        var path: String
        var expires: Date?
        var secure: Bool
    }

    private struct State: Sendable {
        var cookies: [Cookie] = []
        var version: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Creates an empty jar.
    public init() {}

    /// Grows whenever a response changed the jar; the cookie session uses it to spot stale 401s.
    public var version: UInt64 { state.withLock { $0.version } }

    /// Whether the jar holds any cookie.
    public var isEmpty: Bool { state.withLock { $0.cookies.isEmpty } }

    /// The names of the cookies held, sorted (values stay private).
    public var cookieNames: [String] { state.withLock { $0.cookies.map(\.name).sorted() } }

    /// Removes every cookie.
    public func removeAll() {
        state.withLock {
            $0.cookies.removeAll()
            $0.version += 1
        }
    }

    /// Reads `Set-Cookie` header values (one cookie each, or several joined by commas) from a response to `url`.
    public func store(setCookieHeaders headers: [String], from url: URL, now: Date) {
        let parsed = headers.flatMap(CookieJar.split).compactMap { CookieJar.parse($0, from: url, now: now) }
        guard !parsed.isEmpty else { return }
        state.withLock { state in
            for (cookie, delete) in parsed {
                state.cookies.removeAll { $0.name == cookie.name && $0.domain == cookie.domain && $0.path == cookie.path }
                if !delete { state.cookies.append(cookie) }
            }
            state.version += 1
        }
    }

    /// The `Cookie` header value for a request to `url`, or `nil` when no cookie matches.
    public func cookieHeader(for url: URL, now: Date) -> String? {
        guard let host = url.host?.lowercased() else { return nil }
        let path = url.path.isEmpty ? "/" : url.path
        let secureAllowed = url.scheme?.lowercased() == "https" || URLResolution.isLoopback(host)
        let matching = state.withLock { state -> [Cookie] in
            state.cookies.removeAll { $0.expires.map { $0 <= now } ?? false }
            return state.cookies.filter { cookie in
                let domainMatches = cookie.hostOnly ? host == cookie.domain : (host == cookie.domain || host.hasSuffix("." + cookie.domain))
                let pathMatches = path == cookie.path || path.hasPrefix(cookie.path.hasSuffix("/") ? cookie.path : cookie.path + "/")
                return domainMatches && pathMatches && (!cookie.secure || secureAllowed)
            }
        }
        guard !matching.isEmpty else { return nil }
        return matching.sorted { $0.path.count > $1.path.count }.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// Names only.
    public var description: String { "CookieJar(\(cookieNames.joined(separator: ", ")))" }

    /// Splits a header that joined several cookies with commas, without splitting `Expires` dates.
    static func split(_ header: String) -> [String] {
        header.replacingOccurrences(
            of: ",(?=\\s*[!#$%&'*+\\-.^_`|~0-9A-Za-z]+=)", with: "\u{0}", options: .regularExpression
        ).split(separator: "\u{0}").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func parse(_ text: String, from url: URL, now: Date) -> (Cookie, delete: Bool)? {
        // Empty pieces are kept so an empty name-value part is rejected instead of promoting the first attribute.
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let equals = first.firstIndex(of: "=") else { return nil }
        let name = String(first[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let host = url.host?.lowercased() else { return nil }
        var value = String(first[first.index(after: equals)...])
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        var cookie = Cookie(name: name, value: value, domain: host, hostOnly: true, path: "/", expires: nil, secure: false)
        var maxAge: Double?
        for attribute in parts.dropFirst() {
            let pieces = attribute.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = pieces.first else { continue }
            let key = first.lowercased()
            let argument = pieces.count > 1 ? pieces[1] : ""
            switch key {
            case "domain" where !argument.isEmpty:
                let domain = argument.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
                guard host == domain || host.hasSuffix("." + domain) else { return nil }
                cookie.domain = domain
                cookie.hostOnly = false
            case "path" where argument.hasPrefix("/"):
                cookie.path = argument
            case "max-age":
                maxAge = Double(argument)
            case "expires":
                cookie.expires = RetryAfter.httpDate(argument) ?? RetryAfter.httpDate(argument.replacingOccurrences(of: "-", with: " "))
            case "secure":
                cookie.secure = true
            default:
                break
            }
        }
        if let maxAge { cookie.expires = now.addingTimeInterval(maxAge) }
        let delete = cookie.expires.map { $0 <= now } ?? false
        return (cookie, delete)
    }
}
