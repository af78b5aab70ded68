import AuthCore
import Foundation
import Testing

@Suite("Cookie jar")
struct CookieJarTests {
    let now = Date(timeIntervalSince1970: 1_773_576_000)
    let api = URL(string: "https://api.portal.example.test/asset/1")!

    @Test("cookies set by a response go back to the same host, never to another")
    func roundTrip() {
        let jar = CookieJar()
        jar.store(
            setCookieHeaders: [
                "Authentication=jwt-a; Path=/; HttpOnly; Secure; SameSite=Strict", "Refresh=jwt-r; Path=/auth",
            ], from: api, now: now)
        #expect(jar.cookieHeader(for: api, now: now) == "Authentication=jwt-a")
        #expect(
            jar.cookieHeader(for: URL(string: "https://api.portal.example.test/auth/refresh-token")!, now: now)
                == "Refresh=jwt-r; Authentication=jwt-a")
        #expect(jar.cookieHeader(for: URL(string: "https://evil.example.test/")!, now: now) == nil)
        #expect(jar.cookieNames == ["Authentication", "Refresh"])
        #expect(!jar.description.contains("jwt-a"))
    }

    @Test("each Set-Cookie field is one cookie: a comma in the value does not start another")
    func commaInValue() {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["note=hello, Authentication=attacker; Path=/"], from: api, now: now)
        #expect(jar.cookieNames == ["note"])
        #expect(jar.cookieHeader(for: api, now: now) == "note=hello, Authentication=attacker")
    }

    @Test("Max-Age and Expires end cookies; Max-Age=0 deletes")
    func expiry() {
        let jar = CookieJar()
        jar.store(
            setCookieHeaders: ["short=1; Max-Age=10", "gone=1; Expires=Sun, 15 Mar 2026 11:00:00 GMT"], from: api,
            now: now)
        #expect(jar.cookieHeader(for: api, now: now) == "short=1")
        #expect(jar.cookieHeader(for: api, now: now.addingTimeInterval(11)) == nil)
        jar.store(setCookieHeaders: ["keep=1", "drop=1"], from: api, now: now)
        jar.store(setCookieHeaders: ["drop=; Max-Age=0"], from: api, now: now)
        #expect(jar.cookieHeader(for: api, now: now) == "keep=1")
    }

    @Test("secure cookies are not sent over plain http, except to loopback; Domain covers subdomains")
    func secureAndDomain() {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["s=1; Secure; Domain=example.test; Path=/"], from: api, now: now)
        #expect(jar.cookieHeader(for: URL(string: "http://www.example.test/")!, now: now) == nil)
        #expect(jar.cookieHeader(for: URL(string: "https://www.example.test/")!, now: now) == "s=1")
        jar.store(setCookieHeaders: ["other=1; Domain=unrelated.test"], from: api, now: now)
        #expect(jar.cookieNames == ["s"])
        let local = CookieJar()
        let loopback = URL(string: "http://127.0.0.1:8080/login")!
        local.store(setCookieHeaders: ["s=1; Secure"], from: loopback, now: now)
        #expect(local.cookieHeader(for: loopback, now: now) == "s=1")
    }

    @Test("malformed Set-Cookie lines are ignored and change nothing")
    func malformed() {
        let jar = CookieJar()
        let api = URL(string: "https://api.portal.example.test/")!
        let before = jar.version
        let lines = [
            "", "no-equals-sign", "=value-without-name", "; Path=/", "split=1\r\nX-Injected: 1", "nul=a\u{0}b",
        ]
        jar.store(setCookieHeaders: lines, from: api, now: now)
        #expect(jar.isEmpty)
        #expect(jar.version == before)
        jar.store(setCookieHeaders: ["quoted=\"v 1\"; Path=/"], from: api, now: now)
        #expect(jar.cookieHeader(for: api, now: now) == "quoted=v 1")
        jar.store(setCookieHeaders: ["trailing=1;", "double=2;; Path=/"], from: api, now: now)
        #expect(jar.cookieHeader(for: api, now: now) == "quoted=v 1; trailing=1; double=2")
    }

    @Test("every change moves the version")
    func version() {
        let jar = CookieJar()
        let start = jar.version
        jar.store(setCookieHeaders: ["a=1"], from: api, now: now)
        #expect(jar.version > start)
        let afterStore = jar.version
        jar.removeAll()
        #expect(jar.version > afterStore)
        #expect(jar.isEmpty)
    }

    @Test("the session version moves only when a named cookie gets a new value outside a 401")
    func sessionVersion() {
        let jar = CookieJar()
        let names: Set = ["Authentication", "Refresh"]
        jar.store(setCookieHeaders: ["Authentication=a; Path=/", "Refresh=r; Path=/"], from: api, now: now)
        let start = jar.sessionVersion(cookieNames: names)
        jar.store(setCookieHeaders: ["AWSALB=lb; Path=/"], from: api, now: now)
        jar.store(setCookieHeaders: ["Authentication=a; Path=/"], from: api, now: now)
        #expect(jar.sessionVersion(cookieNames: names) == start)
        #expect(jar.sessionVersion(cookieNames: []) > start)
        let anyCookie = jar.sessionVersion(cookieNames: [])
        let challenge = ["Authentication=b; Path=/", "x=1"]
        jar.store(setCookieHeaders: challenge, from: api, now: now, isAuthenticationChallenge: true)
        jar.store(setCookieHeaders: ["Refresh=; Path=/; Max-Age=0"], from: api, now: now)
        #expect(jar.sessionVersion(cookieNames: names) <= start)
        #expect(jar.sessionVersion(cookieNames: []) <= anyCookie)
        jar.store(setCookieHeaders: ["Refresh=r2; Path=/"], from: api, now: now)
        #expect(jar.sessionVersion(cookieNames: names) > start)
    }
}
