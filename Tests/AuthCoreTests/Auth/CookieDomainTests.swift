import AuthCore
import Foundation
import Testing

@Suite("Cookie domains (RFC 6265)")
struct CookieDomainTests {
    let now = Date(timeIntervalSince1970: 1_773_576_000)

    func url(_ text: String) -> URL { URL(string: text)! }

    @Test(
        "a Domain attribute naming a public suffix is refused",
        arguments: [
            ("https://api.vendor.com/", "com", "https://attacker.com/"),
            ("https://api.vendor.com/", ".COM", "https://attacker.com/"),
            ("https://www.shop.co.uk/", "co.uk", "https://evil.co.uk/"),
            ("https://portal.flowerhub.se/", "se", "https://evil.se/"),
            ("https://me.github.io/", "github.io", "https://evil.github.io/"),
            ("https://api.vendor.com.au/", "com.au", "https://evil.com.au/"),
        ]
    )
    func publicSuffix(origin: String, domain: String, elsewhere: String) {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["Authentication=secret; Path=/; Domain=\(domain)"], from: url(origin), now: now)
        #expect(jar.isEmpty)
        #expect(jar.cookieHeader(for: url(elsewhere), now: now) == nil)
    }

    @Test("a Domain one level above a public suffix is honoured")
    func registrableDomain() {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["s=1; Path=/; Domain=shop.co.uk"], from: url("https://www.shop.co.uk/"), now: now)
        #expect(jar.cookieHeader(for: url("https://pay.shop.co.uk/"), now: now) == "s=1")
        #expect(jar.cookieHeader(for: url("https://evil.co.uk/"), now: now) == nil)
    }

    @Test("a Domain equal to a single-label host makes a host-only cookie")
    func singleLabelHost() {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["s=1; Path=/; Domain=localhost"], from: url("http://localhost:8080/"), now: now)
        #expect(jar.cookieHeader(for: url("http://localhost:8080/x"), now: now) == "s=1")
        #expect(jar.cookieHeader(for: url("http://api.localhost:8080/x"), now: now) == nil)
    }

    @Test(
        "on an IP host a Domain attribute never widens the cookie",
        arguments: [
            ("http://10.0.0.5/", "0.5", "http://192.168.0.5/"),
            ("http://10.0.0.5/", "0.0.5", "http://10.10.0.5/"),
            ("http://[::ffff:10.0.0.5]/", "0.0.5", "http://10.10.0.5/"),
            ("http://[2001:db8::1]/", "db8::1", "http://[2001:db9::1]/"),
        ]
    )
    func ipHost(origin: String, domain: String, elsewhere: String) {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["s=1; Path=/; Domain=\(domain)"], from: url(origin), now: now)
        #expect(jar.isEmpty)
        #expect(jar.cookieHeader(for: url(elsewhere), now: now) == nil)
    }

    @Test("a Domain equal to the IP host is accepted as host-only", arguments: ["10.0.0.5", "2001:db8::1"])
    func ipHostItself(host: String) {
        let jar = CookieJar()
        let origin = url(host.contains(":") ? "http://[\(host)]/" : "http://\(host)/")
        jar.store(setCookieHeaders: ["s=1; Path=/; Domain=\(host)"], from: origin, now: now)
        #expect(jar.cookieHeader(for: origin, now: now) == "s=1")
    }
}
