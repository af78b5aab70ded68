import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Push event decoding")
struct PushParserTests {
    static func event(_ fixture: String) throws -> BticinoPushEvent {
        try #require(BticinoPushParser.event(BT.json("bticino/\(fixture)")))
    }

    @Test("rtc offer: correlation id as string, modules as objects, SDP, calling module")
    func offer() throws {
        let event = try Self.event("push-rtc-offer.json")
        #expect(event.pushType == "BNC1-rtc")
        #expect(event.bridgeType == .bnc1)
        #expect(event.type == .rtc)
        let rtc = try #require(event.rtc)
        #expect(rtc.kind == .offer)
        #expect(rtc.correlationID == "4821077312345678901")
        #expect(rtc.tagID == "dGFnLWZha2U=")
        #expect(rtc.sdp?.hasPrefix("v=0\r\n") == true)
        #expect(rtc.modules.map(\.id) == [BT.externalUnit, BT.lock])
        #expect(rtc.modules.first?.type == .bneu)
        #expect(rtc.modules.first?.name == "Street Panel")
        #expect(event.moduleID == BT.externalUnit)
        #expect(event.homeID == BT.home)
    }

    @Test("rtc offer from a BDIY: correlation id as number, modules as ids, prefix from the bridge type")
    func offerIDs() throws {
        let event = try Self.event("push-rtc-offer-ids.json")
        #expect(event.bridgeType == .bdiy)
        #expect(event.rtc?.correlationID == "77")
        #expect(event.rtc?.modules == [BticinoPushModule(id: "654321-a001-000000000001")])
    }

    @Test("rtc terminate and rescind have no description")
    func terminateRescind() throws {
        #expect(try Self.event("push-rtc-terminate.json").rtc?.kind == .terminate)
        let rescind = try Self.event("push-rtc-rescind.json")
        #expect(rescind.rtc?.kind == .rescind)
        #expect(rescind.rtc?.correlationID == "77")
        #expect(rescind.moduleID == nil)
    }

    @Test("incoming call with URLs; BDIY ring with numeric ids")
    func rings() throws {
        let ring = try Self.event("push-incoming-call.json")
        #expect(ring.type == .incomingCall)
        #expect(ring.category == "incoming_call")
        #expect(ring.homeName == "Test Flat")
        #expect(ring.snapshotURL == "https://images.example.invalid/s.jpg")
        #expect(ring.vignetteURL == "https://images.example.invalid/v.jpg")
        #expect(ring.eventID == "6200000000000000000000c1")
        #expect(ring.timestamp == 1_767_220_002)
        #expect(ring.rtc == nil)
        let kit = try Self.event("push-bdiy-incoming-call.json")
        #expect(kit.bridgeType == .bdiy)
        #expect(kit.type == .incomingCall)
        #expect(kit.homeID == "6100000001")
        #expect(kit.eventID == "6200000009")
        #expect(kit.timestamp == 1_767_220_100)
    }

    @Test("every other event type")
    func others() throws {
        #expect(try Self.event("push-accepted-call.json").type == .acceptedCall)
        let missed = try Self.event("push-missed-call.json")
        #expect(missed.type == .missedCall)
        #expect(missed.vignetteURL == nil)
        #expect(try Self.event("push-end-recording.json").type == .endRecording)
        let connection = try Self.event("push-connection.json")
        #expect(connection.type == .connection)
        #expect(connection.bridgeType == .bncx)
        #expect(try Self.event("push-disconnection.json").type == .disconnection)
        #expect(try Self.event("push-websocket-connection.json").type == .websocketConnection)
        let user = try Self.event("push-new-user.json")
        #expect(user.type == .newUser)
        #expect(user.bridgeType == nil)
    }

    @Test("an unknown push type is kept")
    func unknown() throws {
        let event = try Self.event("push-unknown.json")
        #expect(event.type == .unknown("door_left_open"))
        #expect(event.raw["category"] == "future")
    }

    @Test("a frame without push_type is not an event")
    func notEvent() throws {
        #expect(BticinoPushParser.event(try BT.json("bticino/push-subscribe-ok.json")) == nil)
    }

    @Test("dedupe: a retransmitted offer and terminate are dropped; terminate gets the offer's module")
    func dedupe() throws {
        var dedupe = BticinoPushDeduplicator(capacity: 16)
        let offer = try Self.event("push-rtc-offer.json")
        #expect(dedupe.admit(offer) != nil)
        #expect(dedupe.admit(offer) == nil)
        let terminate = try #require(dedupe.admit(try Self.event("push-rtc-terminate.json")))
        #expect(terminate.moduleID == BT.externalUnit)
        #expect(dedupe.admit(try Self.event("push-rtc-terminate.json")) == nil)
        let ring = try Self.event("push-incoming-call.json")
        #expect(dedupe.admit(ring) != nil)
        #expect(dedupe.admit(ring) == nil)
        // `new_user` carries no event id: a repeat is a new event, never dropped.
        let user = try Self.event("push-new-user.json")
        #expect(dedupe.admit(user) != nil)
        #expect(dedupe.admit(user) != nil)
    }

    @Test("dedupe memory is bounded: old keys are forgotten")
    func dedupeBounded() throws {
        var dedupe = BticinoPushDeduplicator(capacity: 2)
        let ring = try Self.event("push-incoming-call.json")
        #expect(dedupe.admit(ring) != nil)
        #expect(dedupe.admit(try Self.event("push-missed-call.json")) != nil)
        #expect(dedupe.admit(try Self.event("push-accepted-call.json")) != nil)
        #expect(dedupe.admit(ring) != nil)
    }

    @Test("dedupe: events without ids (connection, disconnection, websocket_connection) always pass")
    func dedupeWithoutIDs() throws {
        var dedupe = BticinoPushDeduplicator(capacity: 16)
        let frames = [
            "{\"push_type\":\"BNC1-connection\",\"extra_params\":{\"device_id\":\"\(BT.bridge)\"}}",
            "{\"push_type\":\"BNC1-disconnection\",\"extra_params\":{\"device_id\":\"\(BT.bridge)\"}}",
            try BT.text("bticino/push-websocket-connection.json"),
        ]
        for frame in frames {
            let event = try #require(BticinoPushParser.event(try JSONValue(jsonData: Data(frame.utf8))))
            #expect(event.eventID == nil && event.subeventID == nil)
            #expect(dedupe.admit(event) != nil)
            #expect(dedupe.admit(event) != nil)
        }
        let rtcWithoutSession = BticinoPushEvent(pushType: "BNC1-rtc", type: .rtc)
        #expect(dedupe.admit(rtcWithoutSession) != nil)
        #expect(dedupe.admit(rtcWithoutSession) != nil)
    }

    @Test("dedupe never keys on content: huge id-less frames leave nothing behind and evict no real key")
    func dedupeNoContentKeys() throws {
        var dedupe = BticinoPushDeduplicator(capacity: 1)
        let ring = try Self.event("push-incoming-call.json")
        #expect(dedupe.admit(ring) != nil)
        for index in 0..<3 {
            var big = BticinoPushEvent(pushType: "BNC1-connection", type: .connection)
            big.raw = [
                "push_type": "BNC1-connection", "padding": .string(String(repeating: "x", count: 1 << 16) + "\(index)"),
            ]
            #expect(dedupe.admit(big) != nil)
        }
        // The id-less frames took no slot: the retransmitted ring is still recognised.
        #expect(dedupe.admit(ring) == nil)
    }

    @Test("a subscribe reply that echoes the token: no spelling of it reaches the error")
    func replyEchoesToken() throws {
        let token = BT.accessToken
        let encoded = try #require(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let replies = [
            "{\"error\":{\"code\":11,\"message\":\"bad token \(token) (\(encoded))\"}}",
            "{\"error\":\"access_token=\(token) refused\"}",
            "{\"status\":\"unknown token \(token) / \(encoded)\"}",
            "{\"error\":{\"code\":2,\"message\":\"Bearer \(token)\"}}",
        ]
        for reply in replies {
            let error = try #require(throws: BticinoError.self) {
                try BticinoPushRunner.checkSubscribeReply(reply, token: Secret(token))
            }
            for text in [error.message, error.description, "\(error)"] {
                #expect(!text.contains(token))
                #expect(!text.contains(encoded))
                #expect(!text.contains("0f1e2d3c4b5a69788796a5b4c3d2e1f0"))
            }
            #expect(error.message.contains(Redactor.placeholder))
        }
    }

    @Test("subscribe frames: exact keys in order, no filter")
    func frames() {
        let push = BticinoFrames.pushSubscribe(token: "tok|en", platform: "Android", version: "4.1.1.3")
        #expect(
            push
                == "{\"action\":\"Subscribe\",\"access_token\":\"tok|en\",\"app_type\":\"app_camera\",\"platform\":\"Android\",\"version\":\"4.1.1.3\"}"
        )
        #expect(
            BticinoFrames.signalingSubscribe(token: "t")
                == "{\"action\":\"subscribe\",\"access_token\":\"t\",\"app_type\":\"app_security\",\"version\":\"1.0\",\"platform\":\"android\"}"
        )
    }

    @Test("subscribe replies: ok, error with code, status error, non-JSON")
    func replies() throws {
        #expect(throws: Never.self) {
            try BticinoPushRunner.checkSubscribeReply(
                BT.text("bticino/push-subscribe-ok.json"), token: Secret(BT.accessToken))
        }
        let rejected = try #require(throws: BticinoError.self) {
            try BticinoPushRunner.checkSubscribeReply(
                BT.text("bticino/push-subscribe-error.json"), token: Secret(BT.accessToken))
        }
        #expect(rejected.code == .subscriptionRejected)
        #expect(rejected.vendorCode == 11)
        #expect(rejected.message.contains("[11] Internal error"))
        let unexpected = try #require(throws: BticinoError.self) {
            try BticinoPushRunner.checkSubscribeReply(
                BT.text("bticino/push-subscribe-status-error.json"), token: Secret(BT.accessToken))
        }
        #expect(unexpected.code == .unexpectedSubscribeReply)
        #expect(throws: BticinoError.self) {
            try BticinoPushRunner.checkSubscribeReply("hello", token: Secret(BT.accessToken))
        }
    }
}
