import AuthCore
import Foundation
import Testing

@Suite("Cookie expiry dates (RFC 6265)")
struct CookieExpiryTests {
    let now = Date(timeIntervalSince1970: 1_773_576_000)  // 2026-03-15T12:00:00Z
    let api = URL(string: "https://api.vendor.example/")!
    /// 2037-10-21T07:28:00Z.
    let instant = Date(timeIntervalSince1970: 2_139_722_880)

    func jar(_ line: String) -> CookieJar {
        let jar = CookieJar()
        jar.store(setCookieHeaders: [line], from: api, now: now)
        return jar
    }

    @Test(
        "every date form browsers read gives the same instant, two-digit years included",
        arguments: [
            "Wed, 21 Oct 2037 07:28:00 GMT",
            "Wed, 21 Oct 37 07:28:00 GMT",
            "Wednesday, 21-Oct-37 07:28:00 GMT",
            "Wed Oct 21 07:28:00 2037",
            "Wed, 21-Oct-2037 07:28:00 GMT",
            "wed, 21 OCT 2037 7:28:0 gmt",
            "21 October 2037 07:28:00",
        ]
    )
    func dateForms(expires: String) {
        let jar = jar("a=1; Path=/; Expires=\(expires)")
        #expect(jar.cookieHeader(for: api, now: now) == "a=1")
        #expect(jar.cookieHeader(for: api, now: instant.addingTimeInterval(-1)) == "a=1")
        #expect(jar.cookieHeader(for: api, now: instant) == nil)
    }

    @Test("two-digit years 0 to 69 are 20xx and 70 to 99 are 19xx")
    func twoDigitYears() {
        let in2069 = Date(timeIntervalSince1970: 3_149_712_000)  // 2069-10-23T00:00:00Z
        let sixtyNine = jar("a=1; Path=/; Expires=Wed, 23 Oct 69 00:00:00 GMT")
        #expect(sixtyNine.cookieHeader(for: api, now: in2069.addingTimeInterval(-1)) == "a=1")
        #expect(sixtyNine.cookieHeader(for: api, now: in2069) == nil)
        #expect(jar("a=1; Path=/; Expires=Thu, 01 Jan 70 00:00:00 GMT").isEmpty)
    }

    @Test(
        "an impossible date is ignored and the cookie lasts for the session",
        arguments: [
            "Wed, 30 Feb 2037 07:28:00 GMT", "Wed, 21 Oct 2037 24:00:00 GMT", "Wed, 21 Oct 1600 07:28:00 GMT",
            "Wed, 21 Oct 2037", "tomorrow", "Wed, 21 Oct 12345 07:28:00 GMT",
        ]
    )
    func invalidDates(expires: String) {
        let jar = jar("a=1; Path=/; Expires=\(expires)")
        #expect(jar.cookieHeader(for: api, now: instant.addingTimeInterval(86_400 * 365 * 100)) == "a=1")
    }

    @Test("Max-Age wins over Expires, saturates when huge and is ignored when not an integer")
    func maxAge() {
        let both = jar("a=1; Path=/; Max-Age=10; Expires=Wed, 21 Oct 2037 07:28:00 GMT")
        #expect(both.cookieHeader(for: api, now: now.addingTimeInterval(11)) == nil)
        let huge = jar("a=1; Path=/; Max-Age=99999999999999999999999999")
        #expect(huge.cookieHeader(for: api, now: now.addingTimeInterval(86_400 * 365 * 300)) == "a=1")
        let notInteger = jar("a=1; Path=/; Max-Age=1e3")
        #expect(notInteger.cookieHeader(for: api, now: now.addingTimeInterval(86_400 * 365)) == "a=1")
        #expect(jar("a=1; Path=/; Max-Age=-1").isEmpty)
    }
}
