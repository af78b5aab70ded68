import Foundation
import Synchronization

/// The cookies of one client, kept in memory by AuthCore rather than in a process-wide store.
///
/// FoundationNetworking's shared cookie storage persists to disk and is shared by the whole
/// process, so two accounts in one app would share a session. A `CookieJar` belongs to one
/// client: it reads `Set-Cookie` from that client's responses and sends matching cookies back.
///
/// It follows RFC 6265 as browsers do: `Domain` (never a public suffix such as `com` or `co.uk`,
/// and never on an IP address), `Path` (defaulting to the request's directory, and matched against
/// the request path with `.` and `..` segments resolved), `Max-Age`, `Expires` (all the date
/// forms browsers read) and `Secure` (secure cookies go to https, or to loopback hosts for local
/// testing). Each `Set-Cookie` field is one cookie, whatever commas its value holds. ``Limits``
/// bound the size of a cookie, how many are kept and the size of the `Cookie` header sent.
/// Its `description` never shows cookie values.
public final class CookieJar: Sendable, CustomStringConvertible {
    private let state: Mutex<CookieStore>

    /// The bounds this jar keeps.
    public let limits: Limits

    /// Creates an empty jar.
    public init(limits: Limits = Limits()) {
        let store = CookieStore(limits: limits)
        self.limits = store.limits
        self.state = Mutex(store)
    }

    /// Grows whenever a response changed the jar, or it was emptied.
    public var version: UInt64 { state.withLock { $0.version } }

    /// A number that grows only when one of the cookies named in `names` (any cookie when
    /// `names` is empty) gets a new value from a response that was not an authentication
    /// challenge (HTTP 401).
    ///
    /// ``CookieSession`` compares it to tell "someone else renewed the session" from "the server
    /// just rejected it": a load balancer cookie set by the 401 itself, a session cookie deleted
    /// by it, or the same value set again does not move it.
    public func sessionVersion(cookieNames names: Set<String>) -> UInt64 {
        state.withLock { $0.valueStamp(of: names) }
    }

    /// Whether the jar holds any cookie.
    public var isEmpty: Bool { state.withLock { $0.count == 0 } }

    /// The names of the cookies held, sorted (values stay private).
    public var cookieNames: [String] { state.withLock { $0.names } }

    /// Removes every cookie.
    public func removeAll() {
        state.withLock { $0.removeAll() }
    }

    /// Reads `Set-Cookie` field values, one cookie each, from a response to `url`.
    ///
    /// A cookie the request could not set (a public-suffix or foreign `Domain`, a name and value
    /// over ``Limits/maximumCookieSize``, a malformed line) is ignored.
    /// - Parameters:
    ///   - headers: The response's `Set-Cookie` field values.
    ///   - url: The URL of the response; a cookie's default domain and path come from it.
    ///   - now: The time the response arrived; `Max-Age` counts from it.
    ///   - isAuthenticationChallenge: `true` when the response is an HTTP 401; its cookies
    ///     are stored but do not move ``sessionVersion(cookieNames:)``.
    public func store(
        setCookieHeaders headers: [String], from url: URL, now: Date, isAuthenticationChallenge: Bool = false
    ) {
        guard let host = CookieDomain.host(of: url) else { return }
        let requestPath = CookiePath.requestPath(of: url)
        let maximumSize = limits.maximumCookieSize
        let incoming = headers.compactMap { header -> CookieStore.Incoming? in
            guard let line = SetCookieLine(header, now: now, maximumSize: maximumSize),
                let scope = CookieDomain.scope(attribute: line.domain, host: host)
            else { return nil }
            let path = line.path ?? CookiePath.defaultPath(forRequestPath: requestPath)
            return CookieStore.Incoming(line: line, domain: scope.domain, hostOnly: scope.hostOnly, path: path)
        }
        guard !incoming.isEmpty else { return }
        state.withLock { $0.store(incoming, now: now, isChallenge: isAuthenticationChallenge) }
    }

    /// The `Cookie` header value for a request to `url`, or `nil` when no cookie matches.
    public func cookieHeader(for url: URL, now: Date) -> String? {
        guard let host = CookieDomain.host(of: url) else { return nil }
        let path = CookiePath.requestPath(of: url)
        let secureAllowed = url.scheme?.lowercased() == "https" || URLResolution.isLoopback(host)
        return state.withLock { $0.header(host: host, path: path, secureAllowed: secureAllowed, now: now) }
    }

    /// Names only, at most 20 of them.
    public var description: String {
        let names = cookieNames
        let shown = names.prefix(20).joined(separator: ", ")
        return "CookieJar(\(shown)\(names.count > 20 ? ", and \(names.count - 20) more" : ""))"
    }
}
