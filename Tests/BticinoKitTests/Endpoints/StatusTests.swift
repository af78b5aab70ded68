import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Home status (homestatus)")
struct StatusTests {
    @Test("request body and decoding")
    func decode() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/homestatus.json"), path: "/syncapi/v1/homestatus")
        let status = try await client.homeStatus(homeID: BT.home)
        let body = try #require(transport.requests.last?.jsonBody)
        #expect(body == ["app_type": "app_camera", "app_version": "4.1.1.3", "home_id": .string(BT.home)])
        #expect(status.modules.count == 4)
        let bridge = try #require(status.module(BT.bridge))
        #expect(bridge.firmwareName == "2.03.01")
        #expect(bridge.firmwareRevision == 20301)
        #expect(bridge.wifiStrength == 55)
        #expect(bridge.websocketConnected == true)
        let lock = try #require(status.module(BT.lock))
        #expect(lock.subtype == "bndl_doorlock")
        #expect(lock.lock == true)
        #expect(status.module(BT.externalUnit)?.applianceType == "dots_2")
        #expect(status.rooms.first?.name == nil)
        #expect(status.rooms.first?.thermSetpointEndTime == 4_294_967_295)
    }

    @Test("merged with the topology: reachability, lock state, light, firmware, variant")
    func merged() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/homestatus.json"), path: "/syncapi/v1/homestatus")
        let state = try await client.homeState(homeID: BT.home)
        #expect(state.home.name == "Test Flat")
        let lock = try #require(state.module(BT.lock))
        #expect(lock.isReachable)
        #expect(lock.isLocked)
        #expect(lock.variant == "BNDL:bndl_doorlock")
        let light = try #require(state.module(BT.light))
        #expect(!light.isReachable)
        #expect(!light.isLightOn)
        #expect(state.module(BT.bridge)?.firmware == "2.03.01")
    }

    @Test("unknown home: empty status without any request; homeState throws unknownHome")
    func unknownHome() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        let before = transport.requests.count
        let status = try await client.homeStatus(homeID: "nope")
        #expect(status.modules.isEmpty)
        #expect(transport.requests.count == before)
        let error = try await #require(throws: BticinoError.self) { try await client.homeState(homeID: "nope") }
        #expect(error.code == .unknownHome)
    }

    @Test("homestatus sends device_types only when asked")
    func deviceTypes() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/homestatus.json"), path: "/syncapi/v1/homestatus")
        _ = try await client.homeStatus(homeID: BT.home, deviceTypes: [.bnc3, .bndl])
        #expect(transport.requests.last?.jsonBody?["device_types"] == ["BNC3", "BNDL"])
    }

    @Test("without a loaded topology it is loaded first")
    func lazyTopology() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        transport.enqueue(.fixture(200, "bticino/homestatus.json"), path: "/syncapi/v1/homestatus")
        _ = try await client.homeStatus(homeID: BT.home)
        #expect(transport.requests.map(\.path) == ["/api/homesdata", "/syncapi/v1/homestatus"])
    }
}
