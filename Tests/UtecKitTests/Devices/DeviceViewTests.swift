import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Query states and the lock, switch and light views")
struct StateTests {
    @Test("F4: lock Locked, Normal, battery High/70 %, door Closed, online; switch on; light on 80 3000 K orange")
    func queryDecode() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        let found = try await UT.client(transport: transport).devicesWithState()
        let lock = try #require(found.locks.first)
        #expect(lock.lockState == .locked && lock.isLocked && !lock.isJammed)
        #expect(lock.lockMode == .normal)
        #expect(lock.battery == .high)
        #expect(lock.battery?.description == "High" && lock.battery?.approximatePercentage == 70)
        #expect(lock.hasDoorSensor && lock.doorState == .closed && lock.isDoorOpen == false)
        #expect(lock.device.isAvailable && lock.device.health == .online)
        let plug = try #require(found.switches.first)
        #expect(plug.isOn && plug.device.isAvailable)
        let light = try #require(found.lights.first)
        #expect(light.isOn)
        #expect(light.brightness == 80)
        #expect(light.colorTemperature == 3000)
        #expect(light.color == UtecRGBColor(red: 255, green: 140, blue: 0))
        #expect(light.supportsBrightness && light.supportsColor && light.supportsColorTemperature)
        #expect(light.colorTemperatureRange == UtecValueRange(min: 2700, max: 6500))
    }

    @Test("case variants: online, st.Lock/locked, OFF and states as a mapping read as documented casing")
    func caseTolerance() throws {
        let result = try UtecStateParser.query(UT.json("utec/query-case-variants.json")["payload"] ?? [:])
        var lock = try UT.device(UT.lockID)
        lock.state = try result.state(of: UT.lockID)
        let view = try #require(UtecLock(lock))
        #expect(lock.health == .online && lock.isAvailable)
        #expect(view.lockState == .locked)
        #expect(view.lockMode == nil)
        #expect(view.battery == nil)
        #expect(view.doorState == .open && view.isDoorOpen == true)
        #expect(lock.hasCapability(.unknown("st.vendorExtra")))
        #expect(lock.state?.values.count == 7)
        var plug = try UT.device(UT.switchID)
        plug.state = try result.state(of: UT.switchID)
        #expect(UtecSwitch(plug)?.isOn == false)
        #expect(plug.health == .offline && !plug.isAvailable)
    }

    @Test("lookup: missing capability or empty states give nil; duplicates: first wins, flatten last wins")
    func lookupSemantics() throws {
        let result = try UtecStateParser.query(UT.json("utec/query-case-variants.json")["payload"] ?? [:])
        let state = try result.state(of: UT.lockID)
        #expect(state.value(.lock, "lockState") == "locked")
        #expect(state.flattened()["st.lock"]?["lockState"] == "Unlocked")
        #expect(state.value(.color, "color") == nil)
        #expect(UtecDeviceState(deviceID: "x").value(.lock, "lockState") == nil)
        #expect(UtecDeviceState(deviceID: "x").flattened().isEmpty)
        var device = try UT.device(UT.lockID)
        device.state = nil
        #expect(UtecLock(device)?.lockState == nil && UtecLock(device)?.isLocked == false)
    }

    @Test("lock modes and battery levels: 0/1/2 and 1...5; anything else is nil")
    func tables() {
        #expect(
            UtecLockMode(json: 0) == .normal && UtecLockMode(json: 1) == .passage && UtecLockMode(json: 2) == .locked)
        #expect(UtecLockMode(json: 3) == nil && UtecLockMode(json: "x") == nil && UtecLockMode(json: "1") == nil)
        #expect(UtecLockMode.allCases.map(\.description) == ["Normal", "Passage", "Locked"])
        #expect(UtecBatteryLevel.allCases.map(\.description) == ["Critically Low", "Low", "Medium", "High", "Full"])
        #expect(UtecBatteryLevel.allCases.map(\.approximatePercentage) == [10, 30, 50, 70, 100])
        #expect(
            UtecBatteryLevel(json: 99) == nil && UtecBatteryLevel(json: 0) == nil && UtecBatteryLevel(json: nil) == nil)
        #expect(
            UtecLockState(rawValue: "JAMMED") == .jammed && UtecLockState(rawValue: "Unknown") == .unknown("Unknown"))
        #expect(UtecDoorState(rawValue: "closed") == .closed)
        #expect(UtecHealthStatus(rawValue: "OFFLINE") == .offline)
    }

    @Test("views only wrap their kind; a lock without sensor has no door state")
    func views() throws {
        let devices = try UT.devicesWithState()
        #expect(UtecLock(devices[1]) == nil && UtecSwitch(devices[0]) == nil && UtecLight(devices[0]) == nil)
        var plain = devices[0]
        plain.handleType = .lock
        plain.state = UtecDeviceState(
            deviceID: plain.id, values: [UtecStateValue(capability: .lock, name: "lockState", value: "Locked")])
        #expect(UtecLock(plain)?.hasDoorSensor == false && UtecLock(plain)?.doorState == nil)
        #expect(UtecLock(plain)?.isDoorOpen == nil)
    }

    @Test("colours: missing channels are 0, checked init refuses out-of-range channels")
    func colours() {
        #expect(UtecRGBColor(json: ["r": 10]) == UtecRGBColor(red: 10, green: 0, blue: 0))
        #expect(UtecRGBColor(json: ["r": 999, "g": -4, "b": "7"]) == UtecRGBColor(red: 255, green: 0, blue: 7))
        #expect(UtecRGBColor(json: "red") == nil)
        #expect(UT.syncError { try UtecRGBColor(checkingRed: 256, green: 0, blue: 0) }?.code == .invalidArgument)
        #expect((try? UtecRGBColor(checkingRed: 1, green: 2, blue: 3)) == UtecRGBColor(red: 1, green: 2, blue: 3))
    }
}
