import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Configuration timeouts and retry settings from any number")
struct NumericLimitTests {
    @Test(
        "a timeout not above zero or above one day is refused when the client is made",
        arguments: [
            Duration.zero, .nanoseconds(-1), .seconds(-1), .seconds(86_400) + .nanoseconds(1), .seconds(1e17),
            .seconds(Int64.max),
        ])
    func refusedTimeouts(value: Duration) {
        let configuration = OdynClient.Configuration(baseURL: BC.api, timeout: value)
        let error = BC.syncError { try OdynClient(configuration: configuration, transport: MockTransport()) }
        #expect(error?.code == .invalidTimeout, "\(value)")
    }

    @Test("accepted timeouts reach the pipeline unchanged, from one nanosecond to one day")
    func acceptedTimeouts() async throws {
        for value in [Duration.nanoseconds(1), .milliseconds(3_500), .seconds(86_400)] {
            let transport = MockTransport()
            transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
            let configuration = OdynClient.Configuration(
                baseURL: BC.api, timeout: value, timeSource: TestClock())
            let client = try OdynClient(configuration: configuration, transport: transport)
            _ = try await client.get("vendors")
            #expect(transport.requests.first?.timeout == value)
        }
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
            let client = try BC.client(transport: transport, clock: clock, retry: settings)
            _ = try await client.get("vendors")
            #expect(clock.sleeps == [.seconds(120)])
        }
    }

    @Test("a retry count that would overflow the attempt counter is refused", arguments: [Int.max, 1_001])
    func hugeRetryCount(retries: Int) {
        #expect(BC.syncError { try OdynRetrySettings(retries: retries) }?.code == .invalidRetry)
    }
}
