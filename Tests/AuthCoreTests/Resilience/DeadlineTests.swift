import AuthCore
import Foundation
import TestSupport
import Testing

@Suite("Deadlines")
struct DeadlineTests {
    @Test("the whole-call deadline fires while a request hangs, and the request is cancelled")
    func deadlineFires() async throws {
        let transport = MockTransport()
        transport.enqueue(.hang)
        let clock = TestClock(mode: .manual)
        let client = try TestHelpers.client(transport: transport, clock: clock)
        let task = Task {
            try await client.send(
                Endpoint<JSONValue>.json(.get, "/slow"), options: RequestOptions(deadline: .seconds(5)))
        }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(4))
        #expect(clock.pendingSleepers == 1)
        clock.advance(by: .seconds(1))
        let result = await task.result
        guard case .failure(let error as APIError) = result else {
            Issue.record("expected a timeout, got \(result)")
            return
        }
        #expect(error.kind == .timeout)
        #expect(error.message.contains("deadline"))
        #expect(error.isTransient)
    }

    @Test("a retry that would start after the deadline is not waited for")
    func retryBeyondDeadline() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(503, "{}", headers: [.retryAfter: "60"]))
        let clock = TestClock()
        let client = try TestHelpers.client(transport: transport, clock: clock, retryPolicy: .default)
        let error = await TestHelpers.apiError {
            try await client.send(
                Endpoint<JSONValue>.json(.get, "/slow"), options: RequestOptions(deadline: .seconds(10)))
        }
        #expect(error?.kind == .timeout)
        #expect(error?.status == 503)
        #expect(clock.sleeps.filter { $0 == .seconds(60) }.isEmpty)
        #expect(transport.requests.count == 1)
    }

    @Test("the per-attempt timeout reaches the transport, per call or from the client")
    func timeoutReachesTransport() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, "{}"))
        transport.enqueue(.json(200, "{}"))
        let client = try TestHelpers.client(transport: transport) { $0.timeout = .seconds(10) }
        _ = try await client.send(Endpoint<JSONValue>.json(.get, "/a"))
        _ = try await client.send(
            Endpoint<JSONValue>.json(.get, "/a"), options: RequestOptions(timeout: .milliseconds(200)))
        #expect(transport.requests.map(\.timeout) == [.seconds(10), .milliseconds(200)])
    }
}
