import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Numbers from servers and callers that used to trap when turned into durations.
@Suite("Durations from hostile numbers")
struct HostileDurationTests {
    let now = Date(timeIntervalSince1970: 1_773_576_000)

    @Test("Retry-After far beyond Int64 milliseconds clamps instead of trapping")
    func hugeRetryAfter() {
        #expect(RetryAfter.parse("10000000000000000", now: now) == Durations.limit)
        #expect(RetryAfter.parse(String(repeating: "9", count: 60), now: now) == Durations.limit)
        #expect(RetryAfter.parse(String(repeating: "9", count: 400), now: now) == nil)
        #expect(RetryAfter.parse("٣", now: now) == nil)
    }

    @Test("seconds(clamping:) handles infinity, NaN, negatives and the limit")
    func clamping() {
        #expect(Durations.clamped(seconds: .infinity) == Durations.limit)
        #expect(Durations.clamped(seconds: 1e300) == Durations.limit)
        #expect(Durations.clamped(seconds: 9.3e15) == Durations.limit)
        #expect(Durations.clamped(seconds: .nan) == .zero)
        #expect(Durations.clamped(seconds: -.infinity) == .zero)
        #expect(Durations.clamped(seconds: 1.5) == .milliseconds(1500))
    }

    @Test("a 503 carrying Retry-After 1e16 is mapped, retried after the cap, and reported clamped")
    func hugeRetryAfterThroughThePipeline() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(503, "{}", headers: [.retryAfter: "10000000000000000"]))
        transport.enqueue(.json(503, "{}", headers: [.retryAfter: "10000000000000000"]))
        let clock = TestClock()
        let policy = try APIRetryPolicy(maxAttempts: 2, retryAfterCap: .seconds(60))
        let client = try TestHelpers.client(transport: transport, clock: clock, retryPolicy: policy)
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/x")) }
        #expect(error?.kind == .server)
        #expect(error?.retryAfter == Durations.limit)
        #expect(clock.sleeps == [.seconds(60)])
    }

    @Test("exponential backoff past retry 54 stays at the cap instead of trapping")
    func backoffCapsBeforeConverting() {
        let backoff = Backoff.exponential(base: .seconds(1), factor: 2, cap: .seconds(30), jitter: .none)
        for retry in [54, 55, 64, 1_100, 100_000, Int.max] {
            #expect(backoff.rawDelay(forRetry: retry) == .seconds(30))
        }
        let full = Backoff.exponential(base: .seconds(1), factor: 2, cap: .seconds(30), jitter: .full)
        #expect(full.delay(forRetry: 70, random: .seeded(3)) <= .seconds(30))
        let linear = Backoff.linear(step: .seconds(1_000_000_000_000), cap: .seconds(5))
        #expect(linear.rawDelay(forRetry: Int.max) == .seconds(5))
    }

    @Test("60 attempts against a server that always answers 503 end with the last error")
    func manyRetries() async throws {
        let transport = MockTransport(handler: { _ in .json(503, "{}") })
        let clock = TestClock()
        let policy = try APIRetryPolicy(
            maxAttempts: 60, backoff: .exponential(base: .seconds(1), cap: .seconds(30), jitter: .full))
        let client = try TestHelpers.client(transport: transport, clock: clock, retryPolicy: policy)
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/x")) }
        #expect(error?.attempts == 60)
        #expect(transport.requests.count == 60)
        #expect(clock.sleeps.allSatisfy { $0 <= .seconds(30) })
    }
}
