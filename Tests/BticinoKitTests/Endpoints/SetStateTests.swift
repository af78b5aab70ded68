import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Set state (setstate)")
struct SetStateTests {
    @Test("open door: exact body with bridge and home timezone")
    func openDoor() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setstate")
        try await client.openDoor(homeID: BT.home, moduleID: BT.lock)
        let body = try #require(transport.requests.last?.jsonBody)
        #expect(
            body == [
                "app_type": "app_camera", "app_version": "4.1.1.3",
                "home": [
                    "id": .string(BT.home), "timezone": "Europe/Rome",
                    "modules": [["id": .string(BT.lock), "lock": false, "bridge": .string(BT.bridge)]],
                ],
            ])
    }

    @Test("light on/off: {\"on\": true} / {\"on\": false}")
    func light() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setstate")
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setstate")
        try await client.setLight(homeID: BT.home, moduleID: BT.light, on: true)
        try await client.setLight(homeID: BT.home, moduleID: BT.light, on: false)
        let modules = transport.requests(to: "/syncapi/v1/setstate").map { $0.jsonBody?["home"]?["modules"]?[0] }
        #expect(modules[0]?["on"] == true)
        #expect(modules[1]?["on"] == false)
    }

    @Test("lock: {\"lock\": true}")
    func lock() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setstate")
        try await client.lockDoor(homeID: BT.home, moduleID: BT.lock)
        #expect(transport.requests.last?.jsonBody?["home"]?["modules"]?[0]?["lock"] == true)
    }

    @Test("bridge added only when it differs from the module; timezone optional; state id ignored")
    func builder() {
        let own = BticinoEndpoints.setStateBody(
            appVersion: "1", homeID: "h", moduleID: BT.bridge, state: ["x": 1, "id": "evil"], timezone: nil,
            bridgeID: BT.bridge)
        #expect(own["home"] == ["id": "h", "modules": [["id": .string(BT.bridge), "x": 1]]])
        let bridged = BticinoEndpoints.setStateBody(
            appVersion: "1", homeID: "h", moduleID: "m", state: [:], timezone: "Europe/Rome", bridgeID: "b")
        #expect(bridged["home"] == ["id": "h", "timezone": "Europe/Rome", "modules": [["id": "m", "bridge": "b"]]])
    }

    @Test("generic state with explicit bridge and timezone")
    func generic() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setstate")
        let result = try await client.setState(
            homeID: BT.home, moduleID: BT.externalUnit, state: ["custom": "value"], timezone: "UTC",
            bridgeID: "00:03:50:99:99:99")
        #expect(result.isSuccess)
        #expect(result.timeServer == 1_767_225_610)
        let home = try #require(transport.requests.last?.jsonBody?["home"])
        #expect(home["timezone"] == "UTC")
        #expect(home["modules"]?[0]?["bridge"] == "00:03:50:99:99:99")
    }

    @Test("errors under body: a partial failure, typed for the door convenience")
    func partial() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/setstate-partial.json"), path: "/syncapi/v1/setstate")
        transport.enqueue(.fixture(200, "bticino/setstate-partial.json"), path: "/syncapi/v1/setstate")
        let result = try await client.setState(homeID: BT.home, moduleID: BT.externalUnit, state: ["lock": false])
        #expect(result.errors == [BticinoCommandError(code: 5, command: "lock", moduleID: BT.externalUnit)])
        let error = try await #require(throws: BticinoError.self) {
            try await client.openDoor(homeID: BT.home, moduleID: BT.externalUnit)
        }
        #expect(error.code == .partialFailure)
        #expect(error.vendorCode == 5)
    }

    @Test("a command on an unreachable module: the top-level error is surfaced")
    func unreachable() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(200, "bticino/setstate-partial-top.json"), path: "/syncapi/v1/setstate")
        let error = try await #require(throws: BticinoError.self) {
            try await client.setLight(homeID: BT.home, moduleID: BT.light, on: true)
        }
        #expect(error.code == .partialFailure)
        #expect(error.vendorCode == 6)
    }

    @Test("unknown home: unknownHome before any request")
    func unknownHome() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        let before = transport.requests.count
        let error = try await #require(throws: BticinoError.self) {
            try await client.openDoor(homeID: "6100000000000000000000ff", moduleID: BT.lock)
        }
        #expect(error.code == .unknownHome)
        #expect(transport.requests.count == before)
    }

    @Test("setstate is not retried on a 5xx (not idempotent)")
    func notRetried() async throws {
        let transport = MockTransport()
        let client = try await BT.withTopology(transport)
        transport.enqueue(.fixture(500, "bticino/api-error-server.json"), path: "/syncapi/v1/setstate")
        transport.enqueue(.fixture(200, "bticino/setstate-ok.json"), path: "/syncapi/v1/setstate")
        let error = try await #require(throws: APIError.self) {
            try await client.openDoor(homeID: BT.home, moduleID: BT.lock)
        }
        #expect(error.status == 500)
        #expect(error.vendorCode == "11")
        #expect(transport.requests(to: "/syncapi/v1/setstate").count == 1)
    }
}
