import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Models")
struct ModelCodingTests {
    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    @Test("topology, status, events and configuration encode with the wire names and decode back")
    func roundTrips() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        let topology = try #require(client.loadedTopology)
        #expect(try Self.roundTrip(topology) == topology)
        let data = try JSONEncoder().encode(topology.home(BT.home)?.module(BT.lock))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"bridge\":\"\(BT.bridge)\""))
        #expect(text.contains("\"room_id\""))
        transport.enqueue(.fixture(200, "bticino/homestatus.json"), path: "/syncapi/v1/homestatus")
        let status = try await client.homeStatus(homeID: BT.home)
        #expect(try Self.roundTrip(status) == status)
        transport.enqueue(.fixture(200, "bticino/getevents.json"), path: "/api/getevents")
        let events = try await client.events(homeID: BT.home)
        #expect(try Self.roundTrip(events) == events)
        let config = BticinoModuleConfig(id: "m", type: .bnc3, doNotDisturb: BticinoConfigObject(enabled: true))
        #expect(try Self.roundTrip(config) == config)
        let server = BticinoICEServer(urls: ["stun:x"], credential: "hidden")
        #expect(try Self.roundTrip(server) == server)
        #expect(try Self.roundTrip(BticinoServiceError(status: 403, code: 3, message: "m")).code == 3)
    }

    @Test("merged module defaults: locked and light off when not reported, unreachable when unknown")
    func mergedDefaults() {
        let module = BticinoModule(id: "m", type: .bndl)
        let bare = BticinoModuleState(module: module, status: nil)
        #expect(bare.isLocked)
        #expect(!bare.isLightOn)
        #expect(!bare.isReachable)
        #expect(bare.firmware == nil)
        var status = BticinoModuleStatus(id: "m")
        status.firmwareRevision = 20301
        status.variant = "BNDL"
        #expect(BticinoModuleState(module: module, status: status).firmware == "20301")
        #expect(status.subtype == nil)
    }

    @Test("config objects read enabled as a boolean, on/off or a number")
    func configObjects() {
        #expect(BticinoConfigObject(json: ["enabled": "on"]).enabled == true)
        #expect(BticinoConfigObject(json: ["enabled": "off"]).enabled == false)
        #expect(BticinoConfigObject(json: ["enabled": 0]).enabled == false)
        #expect(BticinoConfigObject(json: ["enabled": "maybe"]).enabled == nil)
        #expect(BticinoConfigObject(enabled: nil, fields: ["x": 1]).fields == ["x": 1])
    }

    @Test("event types: known, unknown kept, round trip")
    func eventTypes() throws {
        #expect(BticinoEventType(rawValue: "missed_call") == .missedCall)
        #expect(BticinoEventType(rawValue: "later") == .unknown("later"))
        #expect(
            try Self.roundTrip([BticinoEventType.websocketConnection, .unknown("z")]) == [
                .websocketConnection, .unknown("z"),
            ])
    }
}
