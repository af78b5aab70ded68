import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Handlers and lifecycle")
struct HandlerAndLifecycleTests {
    @Test("handlers can be replaced and cleared at run time")
    func handlerSetters() async throws {
        let harness = try await Harness()
        let replacement = Recorder<Int>()
        await harness.client.setOnAuthFailed { replacement.append(1) }
        await harness.client.setOnAPIError { _ in replacement.append(2) }
        harness.transport.enqueue(fh("error-401.json", 401))
        harness.transport.enqueue(fh("error-500.html", 500))
        harness.transport.enqueue(fh("error-500.html", 500))
        _ = try? await harness.client.login(
            username: "kim@example.test", password: "pw", options: FlowerhubCallOptions(retry5xxAttempts: 0))
        _ = try? await harness.client.fetchAsset(assetId: 880045)
        #expect(replacement.all == [1, 2])
        await harness.client.setOnAPIError(nil)
        _ = try? await harness.client.fetchAsset(assetId: 880045)
        #expect(replacement.all == [1, 2])
        #expect(harness.authFailures.count == 0)
        #expect(harness.apiErrors.count == 0)
    }

    @Test("releasing the client cancels its polling (no retain cycle through the loop)")
    func deinitCancelsPolling() async throws {
        let clock = TestClock(mode: .manual)
        var client: FlowerhubClient? = try FlowerhubClient(
            configuration: FlowerhubClient.Configuration(timeSource: clock), transport: MockTransport())
        let task = try await client?.startPeriodicAssetFetch(interval: .seconds(5))
        await clock.waitForSleepers(1)
        client = nil
        await task?.value
        #expect(task?.isCancelled == true)
    }
}
