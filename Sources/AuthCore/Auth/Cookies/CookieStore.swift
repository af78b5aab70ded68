import Foundation

/// The jar's contents, indexed so that storing and sending stay linear in the number of cookies.
///
/// Cookies are grouped by domain and keyed by name and path within it, so a cookie replaces its
/// predecessor in constant time; a request looks only at its host's domain and the parents of it.
/// One counter orders everything: when a cookie was created, last set or sent, and when its value
/// last changed.
struct CookieStore: Sendable {
    struct Key: Hashable, Sendable {
        var name: String
        var path: String
    }

    struct Cookie: Sendable {
        var name: String
        var value: String
        var hostOnly: Bool
        var path: String
        var expires: Date?
        var secure: Bool
        var created: UInt64
        var lastAccess: UInt64
        /// When a response that was not an authentication challenge last gave it a new value.
        var valueStamp: UInt64

        func isExpired(at now: Date) -> Bool { expires.map { $0 <= now } ?? false }
    }

    /// A parsed cookie with the scope the request allowed it.
    struct Incoming: Sendable {
        var line: SetCookieLine
        var domain: String
        var hostOnly: Bool
        var path: String
    }

    private(set) var byDomain: [String: [Key: Cookie]] = [:]
    private(set) var count = 0
    private(set) var version: UInt64 = 0
    private var clock: UInt64 = 0
    let limits: CookieJar.Limits

    init(limits: CookieJar.Limits) {
        // Re-validated here because the properties are settable after `Limits.init`.
        self.limits = CookieJar.Limits(
            maximumCookieSize: limits.maximumCookieSize,
            maximumCookiesPerDomain: limits.maximumCookiesPerDomain,
            maximumCookies: limits.maximumCookies,
            maximumHeaderSize: limits.maximumHeaderSize
        )
    }

    /// Stores or deletes each cookie in order, then applies the limits once.
    mutating func store(_ incoming: [Incoming], now: Date, isChallenge: Bool) {
        var changed = false
        var touched = Set<String>()
        for item in incoming where apply(item, now: now, isChallenge: isChallenge) {
            changed = true
            touched.insert(item.domain)
        }
        guard changed else { return }
        enforceLimits(on: touched, now: now)
        version += 1
    }

    /// Whether the cookie changed the store.
    private mutating func apply(_ item: Incoming, now: Date, isChallenge: Bool) -> Bool {
        let key = Key(name: item.line.name, path: item.path)
        let existing = byDomain[item.domain]?[key]
        if let expires = item.line.expires, expires <= now {
            guard existing != nil else { return false }
            remove(key, from: item.domain)
            return true
        }
        clock += 1
        let isNewValue = existing.map { $0.value != item.line.value || $0.isExpired(at: now) } ?? true
        let stamp = isNewValue && !isChallenge ? clock : existing?.valueStamp ?? 0
        byDomain[item.domain, default: [:]][key] = Cookie(
            name: item.line.name, value: item.line.value, hostOnly: item.hostOnly, path: item.path,
            expires: item.line.expires, secure: item.line.secure,
            created: existing?.created ?? clock, lastAccess: clock, valueStamp: stamp
        )
        if existing == nil { count += 1 }
        return true
    }

    private mutating func remove(_ key: Key, from domain: String) {
        guard byDomain[domain]?.removeValue(forKey: key) != nil else { return }
        count -= 1
        if byDomain[domain]?.isEmpty == true { byDomain[domain] = nil }
    }

    /// RFC 6265 5.3 step 12: expired cookies go first, then the least recently used.
    private mutating func enforceLimits(on domains: Set<String>, now: Date) {
        for domain in domains where (byDomain[domain]?.count ?? 0) > limits.maximumCookiesPerDomain {
            purgeExpired(in: domain, now: now)
            guard let bucket = byDomain[domain], bucket.count > limits.maximumCookiesPerDomain else { continue }
            let kept = bucket.sorted { $0.value.lastAccess > $1.value.lastAccess }
                .prefix(limits.maximumCookiesPerDomain)
            byDomain[domain] = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            count -= bucket.count - kept.count
        }
        guard count > limits.maximumCookies else { return }
        for domain in Array(byDomain.keys) { purgeExpired(in: domain, now: now) }
        guard count > limits.maximumCookies else { return }
        let everyCookie = byDomain.flatMap { domain, bucket in
            bucket.map { (domain: domain, key: $0.key, lastAccess: $0.value.lastAccess) }
        }
        let excess = count - limits.maximumCookies
        for victim in everyCookie.sorted(by: { $0.lastAccess < $1.lastAccess }).prefix(excess) {
            remove(victim.key, from: victim.domain)
        }
    }

    private mutating func purgeExpired(in domain: String, now: Date) {
        guard let bucket = byDomain[domain] else { return }
        for (key, cookie) in bucket where cookie.isExpired(at: now) { remove(key, from: domain) }
    }

    /// The `Cookie` header for a request, most specific path first, within the header limit.
    /// Sending counts as a use for the least-recently-used eviction.
    mutating func header(host: String, path: String, secureAllowed: Bool, now: Date) -> String? {
        var matching: [(domain: String, cookie: Cookie)] = []
        for candidate in CookieDomain.candidates(for: host) {
            let domain = String(candidate)
            purgeExpired(in: domain, now: now)
            guard let bucket = byDomain[domain] else { continue }
            for cookie in bucket.values
            where (!cookie.hostOnly || domain == host) && (!cookie.secure || secureAllowed)
                && CookiePath.matches(requestPath: path, cookiePath: cookie.path)
            {
                matching.append((domain, cookie))
            }
        }
        matching.sort { lhs, rhs in
            let (left, right) = (lhs.cookie.path.utf8.count, rhs.cookie.path.utf8.count)
            return left != right ? left > right : lhs.cookie.created < rhs.cookie.created
        }
        var header = ""
        var size = 0
        for (domain, cookie) in matching {
            let added = cookie.name.utf8.count + 1 + cookie.value.utf8.count + (header.isEmpty ? 0 : 2)
            guard size + added <= limits.maximumHeaderSize else { continue }
            header += (header.isEmpty ? "" : "; ") + cookie.name + "=" + cookie.value
            size += added
            clock += 1
            byDomain[domain]?[Key(name: cookie.name, path: cookie.path)]?.lastAccess = clock
        }
        return header.isEmpty ? nil : header
    }

    /// The newest ``Cookie/valueStamp`` among cookies named in `names`, or among all when empty.
    func valueStamp(of names: Set<String>) -> UInt64 {
        var newest: UInt64 = 0
        for bucket in byDomain.values {
            for cookie in bucket.values where names.isEmpty || names.contains(cookie.name) {
                newest = max(newest, cookie.valueStamp)
            }
        }
        return newest
    }

    /// Sorted names of every cookie held.
    var names: [String] { byDomain.values.flatMap { $0.values.map(\.name) }.sorted() }

    mutating func removeAll() {
        byDomain.removeAll()
        count = 0
        version += 1
    }
}
