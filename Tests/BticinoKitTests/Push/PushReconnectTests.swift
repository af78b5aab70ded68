import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import BticinoKit

@Suite("Push reconnect state machine over a real websocket")
struct PushReconnectTests {
    @Test("stopping during the backoff ends the stream and opens no new socket")
    func stopDuringBackoff() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(PushLiveTests.ok)
                connection.drop()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await PushLiveTests.client(server, clock: clock)
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == .subscribed)
        guard case .reconnecting? = try await iterator.next() else {
            Issue.record("expected a reconnect step")
            return
        }
        await clock.waitForSleepers(1)
        stream.stop()
        #expect(try await iterator.next() == nil)
        clock.advance(by: .seconds(600))
        #expect(server.connections == 1)
        await server.stop()
    }

    @Test("after repeated failures a full reset fetches a fresh token and starts the backoff over")
    func fullReset() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(try PushLiveTests.fixture("push-subscribe-error.json"))
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let transport = MockTransport()
        let client = try BT.client(transport, clock: clock) {
            $0.pushURL = server.url
            $0.push.fullResetAfterFailures = 2
        }
        await client.tokens.setToken(BT.validToken(clock: clock))
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        var steps: [BticinoReconnect] = []
        for _ in 0..<3 {
            guard case .reconnecting(let step)? = try await iterator.next() else {
                Issue.record("expected a reconnect step")
                return
            }
            steps.append(step)
            await clock.waitForSleepers(1)
            clock.advance(by: step.delay)
        }
        #expect(steps.map(\.attempt) == [1, 2, 1])
        #expect(steps.map(\.isFullReset) == [false, true, false])
        #expect(steps.map(\.delay) == [.seconds(5), .seconds(10), .seconds(5)])
        #expect(transport.requests(to: "/oauth2/token").count == 1)
        #expect(server.received.last?.contains(BT.refreshedToken) == true)
        stream.stop()
        await server.stop()
    }

    @Test("a manual resubscribe sends a fresh subscribe frame on the live socket; without a socket it is notConnected")
    func manualResubscribe() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(PushLiveTests.ok)
                _ = try await connection.nextText()
                try await connection.send(PushLiveTests.ok)
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await PushLiveTests.client(server, clock: clock)
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == .subscribed)
        try await stream.resubscribe()
        #expect(try await iterator.next() == .subscriptionRenewed)
        #expect(server.received.count == 2)
        #expect(server.received[0] == server.received[1])
        #expect(server.connections == 1)
        stream.stop()
        _ = try? await iterator.next()
        let error = try await #require(throws: BticinoError.self) { try await stream.resubscribe() }
        #expect(error.code == .notConnected)
        await server.stop()
    }

    @Test("a break out of the loop ends the iteration and closes the socket")
    func breakClosesSocket() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(PushLiveTests.ok)
                try await connection.send(try PushLiveTests.fixture("push-incoming-call.json"))
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await PushLiveTests.client(server, clock: clock)
        var ring: BticinoPushEvent?
        for try await update in client.pushEvents() {
            if let event = update.event {
                ring = event
                break
            }
        }
        #expect(ring?.type == .incomingCall)
        #expect(await server.nextClosed() == 0)
        await server.stop()
    }

    @Test("signaling: cancelling a task waiting for an offer's ack ends it at once")
    func cancelledOffer() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(PushLiveTests.ok)
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await PushLiveTests.client(server, clock: clock)
        let signaling = client.signaling()
        try await signaling.connect()
        let offer = Task { try await signaling.sendOffer(deviceID: BT.bridge, sdp: "v=0") }
        #expect(await server.nextReceived() != nil)
        #expect(await server.nextReceived()?.contains("offer") == true)
        offer.cancel()
        await #expect(throws: CancellationError.self) { try await offer.value }
        await signaling.disconnect()
        await server.stop()
    }

    @Test("signaling: connect while connected opens no second socket; disconnect clears the session")
    func signalingConnectTwice() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(PushLiveTests.ok)
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await PushLiveTests.client(server, clock: clock)
        let signaling = client.signaling()
        try await signaling.connect()
        try await signaling.connect()
        try await signaling.ensureConnected()
        #expect(server.connections == 1)
        try await signaling.resubscribe()
        #expect(await server.nextReceived() != nil)
        #expect(await server.nextReceived()?.contains("\"app_type\":\"app_security\"") == true)
        await signaling.setSession(
            BticinoSignalingSession(sessionID: "s", tagID: "t", deviceID: "d", correlationID: "1"))
        await signaling.disconnect()
        #expect(await signaling.session == BticinoSignalingSession())
        #expect(await !signaling.isConnected)
        #expect(await server.nextClosed() == 0)
        await server.stop()
    }
}
