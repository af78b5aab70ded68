import AuthCore
import Foundation
import Testing

@Suite("Cookie paths (RFC 6265)")
struct CookiePathTests {
    let now = Date(timeIntervalSince1970: 1_773_576_000)

    func url(_ path: String) -> URL { URL(string: "https://api.vendor.example\(path)")! }

    @Test("without a usable Path the cookie is scoped to the request's directory")
    func defaultPath() {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["a=1", "b=1; Path=relative", "c=1; Path="], from: url("/auth/login"), now: now)
        #expect(jar.cookieHeader(for: url("/auth/refresh-token"), now: now) == "a=1; b=1; c=1")
        #expect(jar.cookieHeader(for: url("/auth"), now: now) == "a=1; b=1; c=1")
        #expect(jar.cookieHeader(for: url("/asset/1"), now: now) == nil)
        #expect(jar.cookieHeader(for: url("/authx"), now: now) == nil)
    }

    @Test("a response at the root or one level deep scopes the cookie to /", arguments: ["/login", "/", ""])
    func defaultPathAtRoot(path: String) {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["a=1"], from: url(path), now: now)
        #expect(jar.cookieHeader(for: url("/asset/1"), now: now) == "a=1")
    }

    @Test(
        "dot segments, plain or percent-encoded, cannot climb out of a cookie's path",
        arguments: [
            "/auth/../asset/1", "/auth/%2e%2e/", "/auth/%2E%2E/asset", "/auth/.%2e/asset", "/auth/x/../../asset",
        ]
    )
    func dotSegmentsLeave(path: String) {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["Refresh=r; Path=/auth"], from: url("/auth/login"), now: now)
        #expect(jar.cookieHeader(for: url(path), now: now) == nil)
    }

    @Test(
        "dot segments that stay inside the path still match",
        arguments: ["/auth/x/../refresh", "/auth/./refresh", "/auth/%2e"]
    )
    func dotSegmentsStay(path: String) {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["Refresh=r; Path=/auth"], from: url("/auth/login"), now: now)
        #expect(jar.cookieHeader(for: url(path), now: now) == "Refresh=r")
    }
}
