import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Timeouts and retry settings from any number")
struct NumericLimitTests {
    @Test(
        "a timeout not finite, not above zero or above one day is refused instead of trapping later",
        arguments: [
            1e17, 1e300, Double.greatestFiniteMagnitude, .nan, .infinity, -.infinity, 0, -0.0, -1, 86_400.5,
        ])
    func refusedTimeouts(value: Double) {
        let asConnect = BC.syncError { try OdynTimeout(connect: value, read: 1) }
        let asRead = BC.syncError { try OdynTimeout(connect: 1, read: value) }
        for error in [asConnect, asRead] {
            guard case .invalidTimeout? = error?.kind else {
                Issue.record("expected invalidTimeout for \(value), got \(String(describing: error))")
                continue
            }
        }
    }

    @Test("accepted timeouts convert to a per-attempt limit without trapping, never zero")
    func perAttempt() throws {
        #expect(try OdynTimeout(connect: 86_400, read: 86_400).perAttempt == .seconds(172_800))
        #expect(try OdynTimeout(connect: 1.5, read: 2).perAttempt == .milliseconds(3_500))
        let tiny = try OdynTimeout(connect: .leastNonzeroMagnitude, read: .leastNonzeroMagnitude)
        #expect(tiny.perAttempt == .milliseconds(1))
        #expect(OdynTimeout.default.perAttempt == .seconds(120))
    }

    @Test("a huge finite backoff factor is capped at 120 s instead of trapping in the duration conversion")
    func hugeBackoffFactor() async throws {
        for factor in [1e17, 1e300, Double.greatestFiniteMagnitude] {
            let settings = try OdynRetrySettings(backoffFactor: factor)
            #expect(settings.backoffFactor == factor)
            let transport = MockTransport()
            transport.enqueue(.status(503))
            transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
            let clock = TestClock()
            let session = OdynSession(authentication: .bearer(BC.bearer), retry: settings)
            let client = try BC.client(transport: transport, clock: clock, session: session)
            _ = try await client.get("vendors")
            #expect(clock.sleeps == [.seconds(120)])
        }
    }

    @Test("a retry count that would overflow the attempt counter is refused", arguments: [Int.max, 1_001])
    func hugeRetryCount(retries: Int) {
        #expect(BC.syncError { try OdynRetrySettings(retries: retries) }?.kind == .invalidRetry(retries))
        #expect(BC.syncError { try OdynSession(retries: retries) }?.kind == .invalidRetry(retries))
    }
}
