import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Discovery records")
struct DiscoveryTests {
    @Test("F2: a lock, a switch and a light, with device info, attributes and opaque custom data")
    func discovery() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        let result = try await UT.client(transport: transport).discoverDevices()
        #expect(result.issues.isEmpty)
        #expect(result.devices.map(\.kind) == [.lock, .switch, .light])
        #expect(result.locks.count == 1 && result.switches.count == 1 && result.lights.count == 1)
        let lock = try #require(result.device(id: UT.lockID))
        #expect(lock.name == "Back Gate")
        #expect(lock.category == .smartLock)
        #expect(lock.handleType == .lockSensor)
        #expect(
            lock.deviceInfo == UtecDeviceInfo(manufacturer: "U-tec", model: "Bolt-NFC-W", hardwareVersion: "01.50.0036")
        )
        #expect(lock.deviceInfo.serialNumber == nil)
        #expect(lock.customData == ["userId": 4711, "note": "opaque"])
        #expect(lock.attributes.batteryLevelRange == UtecValueRange(min: 1, max: 5))
        #expect(lock.capabilities == [.lock, .batteryLevel, .doorSensor, .healthCheck])
        let light = try #require(result.device(id: UT.lightID))
        #expect(light.category == .light)
        #expect(light.deviceInfo.serialNumber == "SN-TEST-0003")
        #expect(light.attributes.colorModel == "RGB")
        #expect(light.attributes.colorTemperatureRange == UtecValueRange(min: 2700, max: 6500))
        #expect(result.device(id: UT.switchID)?.customData == nil)
        #expect(!lock.isAvailable)
    }

    @Test("irregular records: unknown category and handle type kept, records without id or handleType skipped")
    func irregular() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery-irregular.json"), path: "/action")
        let result = try await UT.client(transport: transport).discoverDevices()
        #expect(
            result.devices.map(\.id) == [
                "0A:1B:2C:3D:4E:10", "0A:1B:2C:3D:4E:11", "0A:1B:2C:3D:4E:12", "0A:1B:2C:3D:4E:14",
            ])
        let bulb = try #require(result.device(id: "0A:1B:2C:3D:4E:10"))
        #expect(bulb.handleType == .bulbColorRGBW)
        #expect(bulb.category == .light)
        #expect(bulb.kind == .light)
        let thermostat = try #require(result.device(id: "0A:1B:2C:3D:4E:11"))
        #expect(thermostat.category == .unknown("Thermostat"))
        #expect(thermostat.handleType == .unknown("utec-thermostat-v2"))
        #expect(thermostat.kind == .unsupported)
        #expect(thermostat.capabilities.isEmpty)
        #expect(result.device(id: "0A:1B:2C:3D:4E:12")?.category == .smartLock)
        #expect(result.device(id: "0A:1B:2C:3D:4E:12")?.deviceInfo == UtecDeviceInfo())
        #expect(result.device(id: "0A:1B:2C:3D:4E:14")?.category == .smartSwitch)
        #expect(result.device(id: "0A:1B:2C:3D:4E:14")?.customData == nil)
        let codes = result.issues.map { "\($0.index):\($0.code)" }
        #expect(codes == ["1:unsupportedCommand", "3:missingField", "4:missingField", "5:invalidPayload"])
        #expect(result.issues[2].deviceID == "0A:1B:2C:3D:4E:13")
    }

    @Test("devices that is not a list is a typed error; a missing list is empty")
    func devicesShape() throws {
        #expect(UT.syncError { try UtecDeviceParser.discovery(["devices": "nope"]) }?.code == .invalidPayload)
        #expect(try UtecDeviceParser.discovery([:]).devices.isEmpty)
        #expect(try UtecDeviceParser.discovery(["devices": .null]).devices.isEmpty)
    }

    @Test("categories, handle types and capabilities match case-insensitively and keep unknown values")
    func enums() throws {
        #expect(UtecDeviceCategory(rawValue: "smartlock") == .smartLock)
        #expect(UtecDeviceCategory(rawValue: "light") == .light)
        #expect(UtecDeviceCategory(rawValue: "Doorbell") == .unknown("Doorbell"))
        #expect(UtecHandleType(rawValue: "UTEC-LOCK") == .lock)
        #expect(UtecHandleType(rawValue: "utec-new-thing").rawValue == "utec-new-thing")
        #expect(UtecCapability(rawValue: "st.Lock") == .lock)
        #expect(UtecCapability(rawValue: "ST.SWITCHLEVEL").rawValue == "st.switchLevel")
        #expect(UtecCapability(rawValue: "st.colorControl") == .color)
        #expect(UtecCapability(rawValue: "st.DeferredResponse") == .deferredResponse)
        #expect(UtecCapability(rawValue: "st.brandNew") == .unknown("st.brandNew"))
        #expect(UtecCapability(rawValue: "st.BrandNew") == UtecCapability(rawValue: "st.brandnew"))
        #expect(UtecHandleType(rawValue: "utec-dimmer").capabilities.contains(.switchLevel))
        for type in UtecHandleType.table.map(\.1) {
            let round = try JSONDecoder().decode(UtecHandleType.self, from: JSONEncoder().encode(type))
            #expect(round == type)
        }
    }

    @Test("a device round-trips through Codable with its capabilities and state")
    func codable() throws {
        for device in try UT.devicesWithState() {
            let data = try JSONEncoder().encode(device)
            #expect(try JSONDecoder().decode(UtecDevice.self, from: data) == device)
            #expect(try JSONValue(jsonData: data)["capabilities"]?.arrayValue?.isEmpty == false)
        }
    }
}
