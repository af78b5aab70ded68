import AuthCore
import Foundation
import Testing

@Suite("Retry-After parsing")
struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_773_576_000)  // Sun, 15 Mar 2026 12:00:00 GMT

    @Test("seconds, including fractions")
    func seconds() {
        #expect(RetryAfter.parse("3", now: now) == .seconds(3))
        #expect(RetryAfter.parse(" 120 ", now: now) == .seconds(120))
        #expect(RetryAfter.parse("0.5", now: now) == .milliseconds(500))
        #expect(RetryAfter.parse("0", now: now) == .zero)
    }

    @Test("an HTTP date in the future is the time until then")
    func futureDate() {
        #expect(RetryAfter.parse("Sun, 15 Mar 2026 12:00:10 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("Sunday, 15-Mar-26 12:01:00 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.parse("Sun Mar 15 12:00:30 2026", now: now) == .seconds(30))
    }

    @Test("an HTTP date in the past means now")
    func pastDate() {
        #expect(RetryAfter.parse("Sat, 14 Mar 2026 12:00:00 GMT", now: now) == .zero)
    }

    @Test("garbage, negatives and absence are ignored")
    func garbage() {
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("-5", now: now) == nil)
        #expect(RetryAfter.parse("", now: now) == nil)
        #expect(RetryAfter.parse(nil, now: now) == nil)
        #expect(RetryAfter.parse("1e3", now: now) == nil)
    }
}
