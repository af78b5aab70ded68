import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Periodic asset status polling")
struct PollingTests {
    /// Waits (by yielding, never by time) until the client's polling has ended.
    func waitUntilStopped(_ client: FlowerhubClient) async {
        for _ in 0..<10_000 where await client.isAssetFetchRunning { await Task.yield() }
    }

    @Test("an interval below 5 s is refused; exactly 5 s is accepted")
    func intervalValidation() async throws {
        let harness = try await Harness(clock: TestClock(mode: .manual))
        await #expect(throws: FlowerhubError.self) {
            try await harness.client.startPeriodicAssetFetch(interval: .milliseconds(4900))
        }
        #expect(await harness.client.isAssetFetchRunning == false)
        let task = try await harness.client.startPeriodicAssetFetch(interval: .seconds(5))
        #expect(await harness.client.isAssetFetchRunning)
        await harness.clock.waitForSleepers(1)
        await harness.client.stopPeriodicAssetFetch()
        await task.value
    }

    @Test("a second start is refused while polling runs, by both forms")
    func secondStartRefused() async throws {
        let harness = try await Harness(clock: TestClock(mode: .manual))
        let task = try await harness.client.startPeriodicAssetFetch(interval: .seconds(5))
        await #expect(throws: FlowerhubError.alreadyRunning) {
            try await harness.client.startPeriodicAssetFetch(interval: .seconds(5))
        }
        await #expect(throws: FlowerhubError.alreadyRunning) {
            _ = try await harness.client.periodicAssetStatus(interval: .seconds(5))
        }
        await harness.clock.waitForSleepers(1)
        await harness.client.stopPeriodicAssetFetch()
        await task.value
    }

    @Test("runImmediately fetches once before the first wait and calls onUpdate once")
    func runImmediatelyCallback() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("asset.json"))
        let updates = Recorder<FlowerhubStatus>()
        let task = try await harness.client.startPeriodicAssetFetch(interval: .seconds(5), runImmediately: true) {
            updates.append($0)
        }
        await clock.waitForSleepers(1)
        #expect(updates.count == 1)
        #expect(updates.all.first?.status == "Connected")
        #expect(clock.sleeps == [.seconds(5)])
        await harness.client.stopPeriodicAssetFetch()
        await task.value
        #expect(harness.transport.requests.count == 1)
    }

    @Test("without runImmediately the first fetch waits one interval")
    func waitsFirst() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("asset.json"))
        let updates = Recorder<FlowerhubStatus>()
        let task = try await harness.client.startPeriodicAssetFetch(interval: .seconds(30)) { updates.append($0) }
        await clock.waitForSleepers(1)
        #expect(updates.count == 0)
        clock.advance(by: .seconds(30))
        await clock.waitForSleepers(1)
        #expect(updates.count == 1)
        #expect(updates.all.first?.updatedAt == TestClock.defaultStart.addingTimeInterval(30))
        #expect(clock.sleeps == [.seconds(30), .seconds(30)])
        await harness.client.stopPeriodicAssetFetch()
        await task.value
    }

    @Test("the stream reports a failed tick and goes on with fixed-delay ticks")
    func streamSurvivesErrors() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("asset.json"))
        harness.transport.enqueue(fh("error-500.html", 500))
        harness.transport.enqueue(fh("asset-status-no-message.json"))
        let stream = try await harness.client.periodicAssetStatus(interval: .seconds(5), runImmediately: true)
        var iterator = stream.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.status?.status == "Connected")
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        let second = try await iterator.next()
        #expect((second?.error as? APIError)?.status == 500)
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        let third = try await iterator.next()
        #expect(third?.status?.status == "Disconnected")
        #expect(await harness.client.isAssetFetchRunning)
        await clock.waitForSleepers(1)
        #expect(clock.sleeps == [.seconds(5), .seconds(5), .seconds(5)])
        await harness.client.stopPeriodicAssetFetch()
        #expect(try await iterator.next() == nil)
    }

    @Test("reauthentication ends the stream with the error and notifies once")
    func reauthenticationEndsStream() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(fh("refresh-wrapped.json"), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        let stream = try await harness.client.periodicAssetStatus(interval: .seconds(5), runImmediately: true)
        var iterator = stream.makeAsyncIterator()
        let error = await #expect(throws: APIError.self) { _ = try await iterator.next() }
        #expect(error?.requiresReauthentication == true)
        #expect(harness.authFailures.count == 1)
        await waitUntilStopped(harness.client)
        #expect(await harness.client.isAssetFetchRunning == false)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("the callback form reports reauthentication to onError and its task ends")
    func reauthenticationEndsCallbacks() async throws {
        let harness = try await Harness(clock: TestClock(mode: .manual))
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/auth/refresh-token")
        let errors = Recorder<String>()
        let task = try await harness.client.startPeriodicAssetFetch(
            interval: .seconds(5), runImmediately: true, onError: { errors.append(String(describing: $0)) })
        await task.value
        #expect(errors.count == 1)
        #expect(errors.all.first?.contains("login again") == true)
        await waitUntilStopped(harness.client)
        #expect(await harness.client.isAssetFetchRunning == false)
    }

    @Test("a tick without an asset id discovers it first")
    func discoveryInLoop() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        await harness.client.setAssetOwnerId(40123)
        harness.transport.enqueue(fh("with-asset-id.json"))
        harness.transport.enqueue(fh("asset.json"))
        let updates = Recorder<FlowerhubStatus>()
        let task = try await harness.client.startPeriodicAssetFetch(interval: .seconds(5), runImmediately: true) {
            updates.append($0)
        }
        await clock.waitForSleepers(1)
        #expect(await harness.client.assetId == 880045)
        #expect(updates.count == 1)
        await harness.client.close()
        await task.value
    }

    @Test("stop ends polling at once; after it a new start is allowed")
    func stopAndRestart() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        let task = try await harness.client.startPeriodicAssetFetch(interval: .seconds(5))
        await clock.waitForSleepers(1)
        await harness.client.stopPeriodicAssetFetch()
        #expect(await harness.client.isAssetFetchRunning == false)
        await task.value
        #expect(task.isCancelled)
        await harness.client.stopPeriodicAssetFetch()
        let again = try await harness.client.startPeriodicAssetFetch(interval: .seconds(5))
        #expect(await harness.client.isAssetFetchRunning)
        await clock.waitForSleepers(1)
        again.cancel()
        await again.value
        await waitUntilStopped(harness.client)
        #expect(await harness.client.isAssetFetchRunning == false)
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("releasing the stream after the consumer stops iterating stops polling")
    func streamReleaseStops() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("asset.json"))
        let consumer = Task {
            let stream = try await harness.client.periodicAssetStatus(interval: .seconds(5), runImmediately: true)
            for try await event in stream {
                // Let the loop reach its sleep first (TestClock's manual mode loses a cancel that lands before a sleeper registers).
                await clock.waitForSleepers(1)
                return event.status
            }
            return nil
        }
        #expect(try await consumer.value?.status == "Connected")
        await waitUntilStopped(harness.client)
        #expect(await harness.client.isAssetFetchRunning == false)
    }

    @Test("cancelling the consuming task stops polling")
    func consumerCancellationStops() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("asset.json"))
        let stream = try await harness.client.periodicAssetStatus(interval: .seconds(5), runImmediately: true)
        let received = Recorder<FlowerhubPollEvent>()
        let consumer = Task {
            for try await event in stream { received.append(event) }
        }
        await clock.waitForSleepers(1)
        for _ in 0..<10_000 where received.count == 0 { await Task.yield() }
        #expect(received.count == 1)
        consumer.cancel()
        _ = await consumer.result
        await waitUntilStopped(harness.client)
        #expect(await harness.client.isAssetFetchRunning == false)
        #expect(harness.transport.requests.count == 1)
    }

    @Test("close stops polling and leaves the transport usable")
    func closeKeepsTransport() async throws {
        let clock = TestClock(mode: .manual)
        let harness = try await Harness(clock: clock)
        let task = try await harness.client.startPeriodicAssetFetch(interval: .seconds(5))
        await clock.waitForSleepers(1)
        await harness.client.close()
        #expect(await harness.client.isAssetFetchRunning == false)
        await task.value
        harness.transport.enqueue(fh("asset.json"))
        let fetch = try await harness.client.fetchAsset(assetId: 880045)
        #expect(fetch.flowerhubStatus.status == "Connected")
    }
}
