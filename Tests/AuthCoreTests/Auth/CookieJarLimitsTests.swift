import AuthCore
import Foundation
import Testing

@Suite("Cookie jar limits")
struct CookieJarLimitsTests {
    let now = Date(timeIntervalSince1970: 1_773_576_000)
    let api = URL(string: "https://api.vendor.example/")!

    @Test("the documented defaults are the browser limits")
    func defaults() {
        let limits = CookieJar().limits
        #expect(limits.maximumCookieSize == 4096)
        #expect(limits.maximumCookiesPerDomain == 50)
        #expect(limits.maximumCookies == 3000)
        #expect(limits.maximumHeaderSize == 8192)
        #expect(CookieJar.Limits(maximumCookieSize: 0, maximumCookies: -5).maximumCookies == 1)
    }

    @Test("20,000 cookies in one response keep the newest 50 of the domain")
    func manyCookiesInOneResponse() throws {
        let jar = CookieJar()
        jar.store(setCookieHeaders: (0..<20_000).map { "c\($0)=v\($0); Path=/" }, from: api, now: now)
        #expect(jar.cookieNames.count == 50)
        #expect(Set(jar.cookieNames) == Set((19_950..<20_000).map { "c\($0)" }))
        let header = try #require(jar.cookieHeader(for: api, now: now))
        #expect(header.hasPrefix("c19950=v19950; c19951=v19951"))
        #expect(!jar.description.contains("v19999"))
        #expect(jar.description.utf8.count < 400)
    }

    @Test("the same cookie set 20,000 times is one cookie with the last value")
    func oneCookieManyTimes() {
        let jar = CookieJar()
        jar.store(setCookieHeaders: (0..<20_000).map { "same=\($0); Path=/" }, from: api, now: now)
        #expect(jar.cookieNames == ["same"])
        #expect(jar.cookieHeader(for: api, now: now) == "same=19999")
    }

    @Test("the whole jar keeps at most 3000 cookies, dropping the least recently used")
    func totalLimit() {
        let jar = CookieJar()
        for host in 0..<70 {
            let url = URL(string: "https://h\(host).vendor.example/")!
            jar.store(setCookieHeaders: (0..<50).map { "h\(host)c\($0)=1; Path=/" }, from: url, now: now)
        }
        let names = Set(jar.cookieNames)
        #expect(names.count == 3000)
        #expect(!names.contains("h0c0"))
        #expect(!names.contains("h9c49"))
        #expect(names.contains("h10c0"))
        #expect(names.contains("h69c49"))
    }

    @Test("a full domain drops the least recently used cookie, not the oldest")
    func leastRecentlyUsed() {
        let jar = CookieJar(limits: CookieJar.Limits(maximumCookiesPerDomain: 3))
        jar.store(setCookieHeaders: ["a=1; Path=/a", "b=1; Path=/b", "c=1; Path=/c"], from: api, now: now)
        #expect(jar.cookieHeader(for: URL(string: "https://api.vendor.example/a/1")!, now: now) == "a=1")
        jar.store(setCookieHeaders: ["d=1; Path=/d"], from: api, now: now)
        #expect(jar.cookieNames == ["a", "c", "d"])
    }

    @Test("a full domain drops expired cookies before used ones")
    func expiredFirst() {
        let jar = CookieJar(limits: CookieJar.Limits(maximumCookiesPerDomain: 3))
        jar.store(setCookieHeaders: ["y=1; Path=/y", "z=1; Path=/z", "x=1; Path=/; Max-Age=60"], from: api, now: now)
        #expect(jar.cookieHeader(for: api, now: now.addingTimeInterval(30)) == "x=1")
        jar.store(setCookieHeaders: ["w=1; Path=/w"], from: api, now: now.addingTimeInterval(120))
        #expect(jar.cookieNames == ["w", "y", "z"])
    }

    @Test("a 1 MB cookie is refused and leaves the cookie it would replace; 4096 bytes is the limit")
    func cookieSize() throws {
        let jar = CookieJar()
        jar.store(setCookieHeaders: ["big=small; Path=/"], from: api, now: now)
        let oneMegabyte = "big=" + String(repeating: "x", count: 1_000_000) + "; Path=/"
        jar.store(setCookieHeaders: [oneMegabyte], from: api, now: now)
        #expect(jar.cookieHeader(for: api, now: now) == "big=small")
        jar.store(setCookieHeaders: ["n=" + String(repeating: "y", count: 4095) + "; Path=/"], from: api, now: now)
        jar.store(setCookieHeaders: ["m=" + String(repeating: "z", count: 4096) + "; Path=/"], from: api, now: now)
        #expect(jar.cookieNames == ["big", "n"])
        let header = try #require(jar.cookieHeader(for: api, now: now))
        #expect(header.utf8.count == "big=small; n=".utf8.count + 4095)
    }

    @Test("the Cookie header stays within its limit and leaves out only what does not fit")
    func headerLimit() throws {
        let jar = CookieJar()
        let big = (0..<9).map { "b\($0)=" + String(repeating: "v", count: 1000) + "; Path=/" }
        jar.store(setCookieHeaders: big + ["z=1; Path=/"], from: api, now: now)
        #expect(jar.cookieNames.count == 10)
        let header = try #require(jar.cookieHeader(for: api, now: now))
        #expect(header.utf8.count <= 8192)
        #expect(header.contains("b7="))
        #expect(!header.contains("b8="))
        #expect(header.hasSuffix("; z=1"))
    }
}
