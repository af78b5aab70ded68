import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import BticinoKit

/// The push client against a real websocket server on loopback. Time (backoff, renewals,
/// time-outs) runs on a manual `TestClock`, so nothing waits for real time.
@Suite("Push over a real websocket")
struct PushLiveTests {
    static let ok = "{\"status\":\"ok\"}"

    static func client(
        _ server: PushTestServer, clock: TestClock, lifetime: TimeInterval = 10_800,
        change: (inout BticinoClient.Configuration) -> Void = { _ in }
    ) async throws -> BticinoClient {
        let transport = MockTransport()
        let client = try BT.client(transport, clock: clock) {
            $0.pushURL = server.url
            $0.signalingURL = server.url
            change(&$0)
        }
        await client.tokens.setToken(BT.validToken(clock: clock, lifetime: lifetime))
        return client
    }

    static func fixture(_ name: String) throws -> String {
        try Fixture.text("bticino/\(name)")
    }

    @Test("exact subscribe frame, typed events in order, pings and non-JSON frames never surfaced, duplicates dropped")
    func events() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.ping()
                try await connection.send("not json at all")
                try await connection.send(try Self.fixture("push-rtc-offer.json"))
                try await connection.send(try Self.fixture("push-rtc-offer.json"))
                try await connection.ping()
                try await connection.send(try Self.fixture("push-incoming-call.json"))
                try await connection.send(try Self.fixture("push-unknown.json"))
                try await connection.send(try Self.fixture("push-rtc-terminate.json"))
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await Self.client(server, clock: clock)
        let stream = client.pushEvents()
        var updates: [BticinoPushUpdate] = []
        for try await update in stream {
            updates.append(update)
            if updates.count == 5 { break }
        }
        stream.stop()
        #expect(updates.first == .subscribed)
        let events = updates.compactMap(\.event)
        #expect(events.map(\.type) == [.rtc, .incomingCall, .unknown("door_left_open"), .rtc])
        #expect(events.last?.rtc?.kind == .terminate)
        #expect(events.last?.moduleID == BT.externalUnit)
        #expect(
            server.received.first
                == "{\"action\":\"Subscribe\",\"access_token\":\"\(BT.accessToken)\",\"app_type\":\"app_camera\",\"platform\":\"Android\",\"version\":\"4.1.1.3\"}"
        )
        #expect(stream.skippedFrames == 1)
        #expect(stream.duplicateCount == 1)
        #expect(await server.nextClosed() == 0)
        await server.stop()
    }

    @Test("a dropped connection: reconnect after the backoff delay, subscribe again, events continue")
    func dropAndReconnect() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.send(try Self.fixture("push-incoming-call.json"))
                try await connection.send(try Self.fixture("push-disconnection.json"))
                connection.drop()
            },
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.send(try Self.fixture("push-connection.json"))
                try await connection.drain()
            },
        ])
        let clock = TestClock(mode: .manual)
        let client = try await Self.client(server, clock: clock)
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == .subscribed)
        #expect(try await iterator.next()?.event?.type == .incomingCall)
        #expect(try await iterator.next()?.event?.type == .disconnection)
        guard case .reconnecting(let step)? = try await iterator.next() else {
            Issue.record("expected a reconnect step")
            return
        }
        #expect(step.attempt == 1)
        #expect(step.delay == .seconds(5))
        #expect(!step.isFullReset)
        await clock.waitForSleepers(1)
        #expect(server.connections == 1)
        clock.advance(by: .seconds(5))
        #expect(try await iterator.next() == .subscribed)
        #expect(try await iterator.next()?.event?.type == .connection)
        #expect(server.connections == 2)
        #expect(server.received.count == 2)
        stream.stop()
        await server.stop()
    }

    @Test(
        "a rejected subscription (code 11) backs off and retries; a rejection for the token refreshes it and resubscribes",
        .timeLimit(.minutes(1)))
    func rejected() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(try Self.fixture("push-subscribe-error.json"))
                try await connection.drain()
            },
            { connection in
                _ = try await connection.nextText()
                try await connection.send(try Self.fixture("push-subscribe-status-error.json"))
                try await connection.drain()
            },
            { connection in
                _ = try await connection.nextText()
                try await connection.send(try Self.fixture("api-error-expired.json"))
                try await connection.drain()
            },
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.drain()
            },
        ])
        let clock = TestClock(mode: .manual)
        let transport = MockTransport()
        let client = try BT.client(transport, clock: clock) { $0.pushURL = server.url }
        await client.tokens.setToken(BT.validToken(clock: clock))
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        guard case .reconnecting(let first)? = try await iterator.next() else {
            Issue.record("expected a reconnect")
            return
        }
        #expect(first.reason.contains("[11] Internal error"))
        await clock.waitForSleepers(1)
        clock.advance(by: first.delay)
        guard case .reconnecting(let second)? = try await iterator.next() else {
            Issue.record("expected a second reconnect")
            return
        }
        #expect(second.attempt == 2)
        #expect(second.delay == .seconds(10))
        #expect(second.reason.contains("unexpected subscription reply"))
        await clock.waitForSleepers(1)
        clock.advance(by: second.delay)
        // Code 3 (token expired): the token is refreshed and the stream goes on through the backoff.
        guard case .reconnecting(let third)? = try await iterator.next() else {
            Issue.record("expected a reconnect after the token rejection")
            return
        }
        #expect(third.reason.contains("[3] Access token expired"))
        #expect(transport.requests.filter { $0.path == "/oauth2/token" }.count == 1)
        #expect(transport.requests.first?.formFields["grant_type"] == "refresh_token")
        await clock.waitForSleepers(1)
        clock.advance(by: third.delay)
        #expect(try await iterator.next() == .subscribed)
        #expect(server.connections == 4)
        #expect(server.received.last?.contains(BT.refreshedToken) == true)
        #expect(server.received.dropLast().allSatisfy { $0.contains(BT.accessToken) })
        stream.stop()
        await server.stop()
    }

    @Test(
        "a token rejection whose refresh needs the user (refused, no credentials) ends the stream",
        .timeLimit(.minutes(1)))
    func rejectedRefreshRefused() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(try Self.fixture("api-error-invalid-token.json"))
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let transport = MockTransport()
        let client = try BT.client(transport, clock: clock, credentials: false) { $0.pushURL = server.url }
        await client.tokens.setToken(BT.validToken(clock: clock))
        transport.enqueue(.fixture(400, "bticino/token-error-invalid-grant.json"), path: "/oauth2/token")
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        do {
            _ = try await iterator.next()
            Issue.record("expected the stream to end with an error")
        } catch let error as APIError {
            #expect(error.requiresReauthentication)
        } catch let error as BticinoError {
            #expect(error.requiresReauthentication)
        }
        #expect(transport.requests.filter { $0.path == "/oauth2/token" }.count == 1)
        #expect(server.connections == 1)
        await server.stop()
    }

    @Test("a rejection that echoes the access token: no spelling of it reaches the reconnect reason")
    func rejectionEchoesToken() async throws {
        let encoded = BT.accessToken.replacingOccurrences(of: "|", with: "%7C")
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(
                    "{\"error\":{\"code\":11,\"message\":\"token \(BT.accessToken) or \(encoded) refused\"}}")
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await Self.client(server, clock: clock)
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        guard case .reconnecting(let step)? = try await iterator.next() else {
            Issue.record("expected a reconnect")
            return
        }
        #expect(step.reason.contains("[11] token"))
        #expect(!step.reason.contains(BT.accessToken))
        #expect(!step.reason.contains(encoded))
        #expect(!"\(step)".contains("0f1e2d3c4b5a69788796a5b4c3d2e1f0"))
        stream.stop()
        await server.stop()
    }

    @Test("no reply to the subscription: subscribeTimeout, then a reconnect")
    func subscribeTimeout() async throws {
        let server = try await PushTestServer.start([
            { connection in try await connection.drain() }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await Self.client(server, clock: clock)
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(await server.nextReceived() != nil)
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(30))
        guard case .reconnecting(let step)? = try await iterator.next() else {
            Issue.record("expected a reconnect")
            return
        }
        #expect(step.reason.contains("no reply to the subscription"))
        stream.stop()
        await server.stop()
    }

    @Test("the subscription is renewed with a fresh token on the live socket before the token expires")
    func resubscribe() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let transport = MockTransport()
        let client = try BT.client(transport, clock: clock) { $0.pushURL = server.url }
        await client.tokens.setToken(BT.validToken(clock: clock, lifetime: 1800))
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == .subscribed)
        await clock.waitForSleepers(1)
        #expect(clock.sleeps.last == .seconds(1740))
        clock.advance(by: .seconds(1740))
        #expect(try await iterator.next() == .subscriptionRenewed)
        #expect(server.received.count == 2)
        #expect(server.received.last?.contains(BT.refreshedToken) == true)
        #expect(server.connections == 1)
        #expect(stream.subscribeCount == 2)
        stream.stop()
        await server.stop()
    }

    @Test("a token living 60 s or less is renewed half-way through its life, not every second")
    func shortLivedRenewal() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await Self.client(server, clock: clock, lifetime: 40)
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == .subscribed)
        await clock.waitForSleepers(1)
        #expect(clock.sleeps.last == .seconds(20))
        stream.stop()
        await server.stop()
    }

    @Test(
        "a renewal that fails (the refresh hits a 503) closes the socket, so the reconnect takes over",
        .timeLimit(.minutes(1)))
    func failedRenewalReconnects() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let transport = MockTransport()
        let client = try BT.client(transport, clock: clock) { $0.pushURL = server.url }
        await client.tokens.setToken(BT.validToken(clock: clock, lifetime: 1800))
        transport.enqueue(.json(503, "{}"), path: "/oauth2/token")
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == .subscribed)
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1740))
        guard case .reconnecting(let step)? = try await iterator.next() else {
            Issue.record("expected a reconnect after the failed renewal")
            return
        }
        #expect(step.attempt == 1)
        #expect(await server.nextClosed() == 0)
        stream.stop()
        await server.stop()
    }

    @Test("cancelling the consuming task closes the socket and ends the stream")
    func cancellation() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await Self.client(server, clock: clock)
        let subscribed = BticinoOnce<Bool>()
        let consumer = Task {
            var count = 0
            for try await update in client.pushEvents() {
                if update == .subscribed { subscribed.resolve(true) }
                count += 1
            }
            return count
        }
        _ = await subscribed.wait()
        consumer.cancel()
        _ = await consumer.result
        #expect(await server.nextClosed() == 0)
        #expect(server.connections == 1)
        await server.stop()
    }

    @Test("a slow consumer cannot block reading: the oldest updates are dropped and counted")
    func overflow() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(Self.ok)
                for index in 0..<20 {
                    try await connection.send(
                        "{\"push_type\":\"BNC1-connection\",\"extra_params\":{\"event_id\":\"e\(index)\"}}")
                }
                try await connection.send(
                    "{\"push_type\":\"BNC1-missed_call\",\"extra_params\":{\"event_id\":\"last\"}}")
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await Self.client(server, clock: clock) { $0.push.bufferCapacity = 4 }
        let stream = client.pushEvents()
        // Nobody reads until the runner has read every frame: 22 updates into a buffer of 4.
        for _ in 0..<5_000_000 where stream.droppedCount < 18 { await Task.yield() }
        #expect(stream.droppedCount == 18)
        var iterator = stream.makeAsyncIterator()
        var received: [BticinoPushUpdate] = []
        for _ in 0..<4 { if let update = try await iterator.next() { received.append(update) } }
        #expect(received.last?.event?.eventID == "last")
        #expect(received.first?.event?.eventID == "e17")
        stream.stop()
        await server.stop()
    }

    @Test("a server that refuses the upgrade: connectionFailed and a reconnect step")
    func refusedUpgrade() async throws {
        let clock = TestClock(mode: .manual)
        let client = try BT.client(MockTransport(), clock: clock) {
            $0.pushURL = URL(string: "ws://127.0.0.1:1/ws/")!
        }
        await client.tokens.setToken(BT.validToken(clock: clock))
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        guard case .reconnecting(let step)? = try await iterator.next() else {
            Issue.record("expected a reconnect")
            return
        }
        #expect(step.reason.contains("websocket"))
        stream.stop()
    }
}
