import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Events, TURN and configuration")
struct EventsTests {
    @Test("getevents: body, event types, subevents, snapshot and vignette")
    func events() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/getevents.json"), path: "/api/getevents")
        let events = try await client.events(homeID: BT.home, size: 20)
        #expect(
            transport.requests.last?.jsonBody
                == ["app_type": "app_camera", "app_version": "4.1.1.3", "home_id": .string(BT.home), "size": 20])
        #expect(events.map(\.type) == [.outdoor, .call, .disconnection, .connection])
        let ring = try #require(events.first?.subevents.first)
        #expect(ring.type == .incomingCall)
        #expect(ring.snapshot?.url == "https://images.example.invalid/s.jpg")
        #expect(ring.vignette?.expiresAt == 1_767_230_000)
        #expect(ring.sessionID == "0b9e3c1a-1111-4222-8333-944455556666")
        #expect(events.first?.subevents.last?.type == .acceptedCall)
        #expect(events[1].subevents.first?.type == .missedCall)
        #expect(events[1].end == 1_767_215_030)
        #expect(events[2].message == "Classe 100X disconnected")
    }

    @Test("getevents on an unknown home: no events, no request; size must be positive")
    func unknownHome() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        let before = transport.requests.count
        #expect(try await client.events(homeID: "nope").isEmpty)
        #expect(transport.requests.count == before)
        await #expect(throws: BticinoError.self) { try await client.events(homeID: BT.home, size: 0) }
    }

    @Test("TURN: body.iceServers with a secret credential")
    func turn() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/turn.json"), path: "/api/getcredentials")
        let servers = try await client.turnServers()
        let request = try #require(transport.requests.first)
        #expect(request.url.host == "app-turn.netatmo.net")
        #expect(request.jsonBody == ["client_type": "user"])
        #expect(request.headers[.authorization] == "Bearer \(BT.accessToken)")
        #expect(servers.count == 2)
        #expect(servers[0].credential?.revealed == "c2VjcmV0LXR1cm4tY3JlZA==")
        #expect(!"\(servers)".contains("c2VjcmV0LXR1cm4tY3JlZA=="))
        #expect(servers[1].urls == ["stun:stun.example.invalid:3478"])
    }

    @Test("TURN: top-level iceServers with a legacy url; absent gives none; 403 keeps its status")
    func turnShapes() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/turn-top-level.json"), path: "/api/getcredentials")
        transport.enqueue(.fixture(200, "bticino/turn-empty.json"), path: "/api/getcredentials")
        transport.enqueue(.fixture(403, "bticino/api-error-string.json"), path: "/api/getcredentials")
        #expect(try await client.turnServers().map(\.urls) == [["stun:stun.example.invalid:3478"]])
        #expect(try await client.turnServers().isEmpty)
        let error = try await #require(throws: APIError.self) { try await client.turnServers() }
        #expect(error.status == 403)
        #expect(error.vendorCode == "invalid_request")
    }

    @Test("getconfigs: body and typed do-not-disturb / professional studio")
    func getConfigs() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/getconfigs.json"), path: "/syncapi/v1/getconfigs")
        transport.enqueue(.fixture(200, "bticino/getconfigs.json"), path: "/syncapi/v1/getconfigs")
        let configs = try await client.moduleConfigs(homeID: BT.home, moduleIDs: ["00:03:50:ab:cd:f0"])
        #expect(
            transport.requests.last?.jsonBody
                == ["module_ids": ["00:03:50:ab:cd:f0"], "home_id": .string(BT.home), "app_identifier": "app_camera"])
        let config = try #require(configs.first)
        #expect(config.type == .bnc3)
        #expect(config.lastConfigsUpdate == 1_767_225_000_000)
        #expect(config.doNotDisturb?.enabled == true)
        #expect(config.doNotDisturb?.fields["start"] == "22:00")
        let studio = try await client.professionalStudio(homeID: BT.home, moduleID: "00:03:50:ab:cd:f0")
        #expect(studio?.enabled == false)
        #expect(studio?.fields["name"] == "Studio Rossi")
    }

    @Test("setconfigs: do-not-disturb body with BNC3, last_configs_update in ms")
    func setConfigs() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try await BT.withTopology(transport, clock: clock)
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setconfigs")
        try await client.setDoNotDisturb(
            homeID: BT.home, moduleID: "00:03:50:ab:cd:f0",
            BticinoConfigObject(enabled: false, fields: ["start": "23:00"]))
        let stamp = Int(clock.now.timeIntervalSince1970 * 1000)
        #expect(
            transport.requests.last?.jsonBody
                == [
                    "app_identifier": "app_camera",
                    "home": [
                        "id": .string(BT.home),
                        "modules": [
                            [
                                "id": "00:03:50:ab:cd:f0", "type": "BNC3",
                                "last_configs_update": .number(JSONNumber(stamp)),
                                "do_not_disturb": ["enabled": false, "start": "23:00"],
                            ]
                        ],
                    ],
                ])
    }

    @Test("professional studio write; configs refuse an unknown home locally")
    func studioAndGuards() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setconfigs")
        try await client.setProfessionalStudio(
            homeID: BT.home, moduleID: BT.bridge, BticinoConfigObject(enabled: true), moduleType: .bnc1)
        let module = transport.requests.last?.jsonBody?["home"]?["modules"]?[0]
        #expect(module?["type"] == "BNC1")
        #expect(module?["professional_studio"] == ["enabled": true])
        let before = transport.requests.count
        let error = try await #require(throws: BticinoError.self) {
            try await client.moduleConfigs(homeID: "nope", moduleIDs: ["x"])
        }
        #expect(error.code == .unknownHome)
        await #expect(throws: BticinoError.self) {
            try await client.setModuleConfig(homeID: BT.home, moduleID: "m", key: "id", value: 1)
        }
        #expect(transport.requests.count == before)
    }
}
