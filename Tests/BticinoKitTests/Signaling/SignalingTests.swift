import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import BticinoKit

@Suite("WebRTC signaling")
struct SignalingTests {
    static func fixture(_ name: String) throws -> String {
        try Fixture.text("bticino/\(name)")
    }

    static func connected(_ server: PushTestServer, clock: TestClock) async throws -> BticinoSignalingClient {
        let client = try await PushLiveTests.client(server, clock: clock)
        let signaling = client.signaling()
        try await signaling.connect()
        return signaling
    }

    @Test("subscribe, offer with ack, null ack keeps ids, answer, candidate, terminate: exact frames")
    func callFlow() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send("{\"status\":\"ok\"}")
                _ = try await connection.nextText()
                try await connection.send(try Self.fixture("signaling-ack-offer.json"))
                try await connection.send(try Self.fixture("signaling-ack-later.json"))
                try await connection.send(try Self.fixture("signaling-answer.json"))
                try await connection.send(try Self.fixture("signaling-candidate.json"))
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let signaling = try await Self.connected(server, clock: clock)
        #expect(
            server.received.first
                == "{\"action\":\"subscribe\",\"access_token\":\"\(BT.accessToken)\",\"app_type\":\"app_security\",\"version\":\"1.0\",\"platform\":\"android\"}"
        )
        let session = try await signaling.sendOffer(deviceID: BT.bridge, sdp: "v=0\r\n", moduleID: BT.externalUnit)
        #expect(session == "7c1d2e3f-aaaa-4bbb-8ccc-0123456789ab")
        let offer = try JSONValue(jsonData: Data(server.received[1].utf8))
        #expect(offer["action"] == "rtc")
        #expect(offer["device_id"] == .string(BT.bridge))
        #expect(
            offer["data"] == [
                "type": "offer",
                "session_description": ["type": "call", "sdp": "v=0\r\n", "module_id": .string(BT.externalUnit)],
            ])
        let correlation = try #require(offer["correlation_id"]?.stringValue)
        // The subscribe and offer frames were already read above through `received`.
        #expect(await server.nextReceived()?.contains("subscribe") == true)
        #expect(await server.nextReceived()?.contains("offer") == true)
        var events = signaling.events.makeAsyncIterator()
        #expect(await events.next() == .answer(sessionID: session, sdp: "v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\n"))
        let candidate = BticinoICECandidate(
            candidate: "candidate:1 1 udp 2122260223 192.0.2.20 50000 typ host", sdpMLineIndex: 0)
        #expect(await events.next() == .candidate(sessionID: session, candidate))
        #expect(await signaling.session.tagID == "dGFnLTE=")
        #expect(await signaling.session.sessionID == session)
        try await signaling.sendCandidate("candidate:2 1 udp 1 192.0.2.30 50001 typ host", sdpMLineIndex: 1)
        let sent = try #require(await server.nextReceived())
        let frame = try JSONValue(jsonData: Data(sent.utf8))
        #expect(frame["session_id"] == .string(session ?? ""))
        #expect(frame["tag_id"] == "dGFnLTE=")
        #expect(frame["device_id"] == .string(BT.bridge))
        #expect(frame["correlation_id"] == .string(correlation))
        #expect(frame["data"]?["ice_candidate"]?["sdp_m_line_index"] == 1)
        try await signaling.sendTerminate()
        let terminate = try JSONValue(jsonData: Data(try #require(await server.nextReceived()).utf8))
        #expect(terminate["data"] == ["type": "terminate"])
        #expect(await signaling.session.sessionID == nil)
        #expect(await signaling.session.tagID == nil)
        try await signaling.sendTerminate()
        await signaling.disconnect()
        await server.stop()
    }

    @Test("answer and candidate without a session: noActiveSession")
    func noSession() async throws {
        let client = try await BT.signedIn(MockTransport())
        let signaling = client.signaling()
        await #expect(throws: BticinoError.self) { try await signaling.sendAnswer(sdp: "v=0") }
        let error = try await #require(throws: BticinoError.self) {
            try await signaling.sendCandidate("c", sdpMLineIndex: 0)
        }
        #expect(error.code == .noActiveSession)
    }

    @Test("answer mode: session from a push offer, then the answer frame")
    func answerMode() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send("{\"status\":\"ok\"}")
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let signaling = try await Self.connected(server, clock: clock)
        #expect(await server.nextReceived() != nil)
        let push = try #require(BticinoPushParser.event(BT.json("bticino/push-rtc-offer.json"))?.rtc)
        await signaling.setSession(fromPush: push)
        try await signaling.sendAnswer(sdp: "v=0\r\nanswer")
        let frame = try JSONValue(jsonData: Data(try #require(await server.nextReceived()).utf8))
        #expect(frame["session_id"] == "0b9e3c1a-1111-4222-8333-944455556666")
        #expect(frame["tag_id"] == "dGFnLWZha2U=")
        #expect(frame["correlation_id"] == "4821077312345678901")
        #expect(frame["data"] == ["type": "answer", "session_description": ["type": "call", "sdp": "v=0\r\nanswer"]])
        await signaling.disconnect()
        await server.stop()
    }

    @Test("no ack within 30 s: ackTimeout")
    func ackTimeout() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send("{\"status\":\"ok\"}")
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let signaling = try await Self.connected(server, clock: clock)
        let offer = Task { try await signaling.sendOffer(deviceID: BT.bridge, sdp: "v=0") }
        #expect(await server.nextReceived() != nil)
        #expect(await server.nextReceived() != nil)
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(30))
        let error = try await #require(throws: BticinoError.self) { try await offer.value }
        #expect(error.code == .ackTimeout)
        await signaling.disconnect()
        await server.stop()
    }

    @Test("a terminate with 'Max number of peers reached' fails the pending offer with maxPeersReached")
    func maxPeers() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send("{\"status\":\"ok\"}")
                _ = try await connection.nextText()
                try await connection.send(try Self.fixture("signaling-terminate-error.json"))
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let signaling = try await Self.connected(server, clock: clock)
        let error = try await #require(throws: BticinoError.self) {
            _ = try await signaling.sendOffer(deviceID: BT.bridge, sdp: "v=0")
        }
        #expect(error.code == .maxPeersReached)
        #expect(error.vendorCode == 1)
        var events = signaling.events.makeAsyncIterator()
        guard case .terminated(_, let terminateError)? = await events.next() else {
            Issue.record("expected terminated")
            return
        }
        #expect(terminateError?.isMaxPeersReached == true)
        await signaling.disconnect()
        await server.stop()
    }

    @Test("routing without a socket: rescind and terminate use the message's or the current session id")
    func routing() async throws {
        let client = try await BT.signedIn(MockTransport())
        let signaling = client.signaling()
        await signaling.setSession(
            BticinoSignalingSession(sessionID: "current", tagID: "t", deviceID: "d", correlationID: "1"))
        await signaling.route("{\"data\":{\"type\":\"rescind\"}}")
        await signaling.route("{\"session_id\":\"other\",\"data\":{\"type\":\"terminate\"}}")
        await signaling.route("{\"data\":{\"type\":\"answer\",\"session_description\":{\"sdp\":\"\"}}}")
        await signaling.route("not json")
        await signaling.route("{\"type\":\"ack\",\"session_id\":null,\"tag_id\":\"new\"}")
        var events = signaling.events.makeAsyncIterator()
        #expect(await events.next() == .rescinded(sessionID: "current"))
        #expect(await events.next() == .terminated(sessionID: "other", error: nil))
        #expect(await signaling.session.sessionID == "current")
        #expect(await signaling.session.tagID == "new")
    }

    @Test("a refused signaling subscription closes the socket with a typed error")
    func refused() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(try Self.fixture("push-subscribe-error.json"))
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await PushLiveTests.client(server, clock: clock)
        let signaling = client.signaling()
        let error = try await #require(throws: BticinoError.self) { try await signaling.connect() }
        #expect(error.code == .subscriptionRejected)
        #expect(await !signaling.isConnected)
        #expect(await server.nextClosed() == 0)
        await server.stop()
    }

    @Test(
        "a terminate with code 1 and another text still fails the pending offer with maxPeersReached",
        .timeLimit(.minutes(1)))
    func maxPeersByCode() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send("{\"status\":\"ok\"}")
                _ = try await connection.nextText()
                try await connection.send(
                    "{\"session_id\":\"s-1\",\"data\":{\"type\":\"terminate\",\"error\":{\"code\":1,\"message\":\"Busy\"}}}"
                )
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let signaling = try await Self.connected(server, clock: clock)
        let error = try await #require(throws: BticinoError.self) {
            _ = try await signaling.sendOffer(deviceID: BT.bridge, sdp: "v=0")
        }
        #expect(error.code == .maxPeersReached)
        #expect(error.vendorCode == 1)
        #expect(BticinoRTCError(code: 1, message: nil).isMaxPeersReached)
        #expect(!BticinoRTCError(code: 7, message: "Busy").isMaxPeersReached)
        await signaling.disconnect()
        await server.stop()
    }

    @Test("a signaling rejection that echoes the access token: no spelling of it reaches the error")
    func refusedEchoesToken() async throws {
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
        let client = try await PushLiveTests.client(server, clock: clock)
        let signaling = client.signaling()
        let error = try await #require(throws: BticinoError.self) { try await signaling.connect() }
        #expect(error.code == .subscriptionRejected)
        #expect(error.message.contains("[11] token"))
        for text in [error.message, error.description, String(reflecting: error)] {
            #expect(!text.contains(BT.accessToken))
            #expect(!text.contains(encoded))
            #expect(!text.contains("0f1e2d3c4b5a69788796a5b4c3d2e1f0"))
        }
        await server.stop()
    }

    @Test("a stale reader's end (a socket already replaced) leaves the current connection alone")
    func staleReaderEnd() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send("{\"status\":\"ok\"}")
                try await connection.drain()
            }
        ])
        let clock = TestClock(mode: .manual)
        let client = try await PushLiveTests.client(server, clock: clock)
        let signaling = client.signaling()
        try await signaling.connect()
        let stale = try await BticinoWebSocket.open(
            url: server.url, maxFrameSize: 1 << 16, timeout: .seconds(5), timeSource: clock, logger: nil)
        await stale.close()
        await signaling.socketEnded(stale)
        #expect(await signaling.isConnected)
        await signaling.route("{\"session_id\":\"s-2\",\"data\":{\"type\":\"rescind\"}}")
        var events = signaling.events.makeAsyncIterator()
        // No `.disconnected` was reported for the stale socket: the first event is the rescind.
        #expect(await events.next() == .rescinded(sessionID: "s-2"))
        await signaling.disconnect()
        await server.stop()
    }
}
