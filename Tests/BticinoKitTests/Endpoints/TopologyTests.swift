import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Topology (homesdata)")
struct TopologyTests {
    @Test("request: POST JSON with app_type, app_version, sync_measurements and no device_types by default")
    func request() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        _ = try await client.topology()
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.headers[.authorization] == "Bearer \(BT.accessToken)")
        #expect(
            request.headers[.userAgent]
                == "NetatmoApp(Security/v4.1.1.3/4401103) Android(13/Google/sdk_gphone64_arm64)"
                + " BticinoKit/\(BticinoKitVersion.current) AuthCore/\(AuthCoreVersion.current)")
        #expect(request.headers[.contentType] == "application/json; charset=utf-8")
        #expect(
            request.jsonBody == ["app_type": "app_camera", "app_version": "4.1.1.3", "sync_measurements": false])
    }

    @Test("device_types is sent only when asked, and the default filter includes BNC3")
    func deviceTypes() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        _ = try await client.topology(deviceTypes: BticinoModuleType.defaultFilter)
        let types = try #require(transport.requests.first?.jsonBody?["device_types"]?.arrayValue)
        #expect(types.count == 15)
        #expect(types.contains("BNC3"))
        #expect(types.contains("NACamera"))
    }

    @Test("decodes user, homes, rooms, modules and bridge relations")
    func decode() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        let topology = try await client.topology()
        #expect(topology.user?.email == "tester@example.org")
        #expect(topology.homes.count == 2)
        let home = try #require(topology.home(BT.home))
        #expect(home.name == "Test Flat")
        #expect(home.timezone == "Europe/Rome")
        #expect(home.rooms.first?.moduleIDs == [BT.bridge])
        #expect(home.modules.count == 4)
        let bridge = try #require(home.module(BT.bridge))
        #expect(bridge.type == .bnc1)
        #expect(bridge.type.isBridge)
        #expect(bridge.reachable == true)
        #expect(bridge.bridgedModuleIDs.count == 3)
        let lock = try #require(home.module(BT.lock))
        #expect(lock.type == .bndl)
        #expect(lock.bridgeID == BT.bridge)
        #expect(home.bridge(of: lock)?.id == BT.bridge)
        #expect(home.modules(ofType: .bnsl).map(\.id) == [BT.light])
        let empty = try #require(topology.home(BT.emptyHome))
        #expect(empty.modules.isEmpty)
    }

    @Test("a home without modules decodes with none")
    func homeWithoutModules() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/homesdata-no-modules.json"), path: "/api/homesdata")
        let topology = try await client.topology()
        #expect(topology.homes.map(\.modules.count) == [0])
    }

    @Test("lenient: homes and modules without id are skipped; defaults; unknown types kept; missing user")
    func lenient() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/homesdata-lenient.json"), path: "/api/homesdata")
        let topology = try await client.topology()
        #expect(topology.user == nil)
        #expect(topology.homes.count == 1)
        let home = try #require(topology.homes.first)
        #expect(home.name == "Unknown Home")
        #expect(home.modules.count == 3)
        let bare = try #require(home.module("00:03:50:ab:cd:ef"))
        #expect(bare.name == "Unknown Module")
        #expect(bare.type == .unknown("Unknown Type"))
        #expect(home.module("654321-a001-000000000009")?.type == .unknown("BXYZ"))
        #expect(home.module("00:03:50:ab:cd:f0")?.type == .bnc3)
    }

    @Test("a new topology replaces the previous homes; an empty one does not wipe them")
    func replaces() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        transport.enqueue(.fixture(200, "bticino/homesdata-no-modules.json"), path: "/api/homesdata")
        transport.enqueue(.fixture(200, "bticino/homesdata-empty.json"), path: "/api/homesdata")
        _ = try await client.topology()
        _ = try await client.topology()
        #expect(client.cache.topology?.homes.map(\.id) == [BT.emptyHome])
        let empty = try await client.topology()
        #expect(empty.homes.isEmpty)
        #expect(client.cache.topology?.homes.map(\.id) == [BT.emptyHome])
    }

    @Test("204 is an empty topology")
    func noContent() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.status(204), path: "/api/homesdata")
        let topology = try await client.topology()
        #expect(topology.homes.isEmpty)
        #expect(topology.user == nil)
    }

    @Test("module types: known, meaning, unknown kept, round trip")
    func moduleTypes() throws {
        #expect(BticinoModuleType(rawValue: "BNDL") == .bndl)
        #expect(BticinoModuleType.bndl.meaning == "door lock")
        #expect(BticinoModuleType(rawValue: "ZZZ") == .unknown("ZZZ"))
        #expect(BticinoModuleType.unknown("ZZZ").meaning == "unknown module type")
        #expect(BticinoModuleType.naCamera.rawValue == "NACamera")
        let data = try JSONEncoder().encode([BticinoModuleType.bnc3, .unknown("Q")])
        #expect(try JSONDecoder().decode([BticinoModuleType].self, from: data) == [.bnc3, .unknown("Q")])
    }
}
