import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Notifications: shapes, merge, delete, sync")
struct NotificationTests {
    static func parse(_ name: String) throws -> UtecNotification {
        try UtecNotification.parse(Fixture.data("utec/\(name)"))
    }

    @Test("F10a: DeviceState with playloadVersion merges into the light without wiping colour or temperature")
    func deviceState() throws {
        let notification = try Self.parse("notification-device-state.json")
        #expect(notification.operation == .deviceState)
        #expect(notification.messageID == "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d")
        #expect(notification.states.count == 1)
        let updated = notification.apply(to: try UT.devicesWithState())
        let light = try #require(updated.first { $0.id == UT.lightID }.flatMap(UtecLight.init))
        #expect(!light.isOn)
        #expect(light.brightness == 55)
        #expect(light.colorTemperature == 3000)
        #expect(light.color == UtecRGBColor(red: 255, green: 140, blue: 0))
    }

    @Test("envelope, bare array, payload-as-array and states-as-mapping all give the same lock update")
    func shapes() throws {
        let names = [
            "notification-bare-array.json", "notification-payload-array.json", "notification-states-mapping.json",
        ]
        for name in names {
            let notification = try Self.parse(name)
            let updated = notification.apply(to: try UT.devicesWithState())
            let lock = try #require(updated.first { $0.id == UT.lockID }.flatMap(UtecLock.init), "\(name)")
            #expect(lock.lockState == .unlocked, "\(name)")
            #expect(lock.battery == .high, "\(name): the partial push must not wipe the battery")
            #expect(lock.doorState == .closed, "\(name)")
            #expect(notification.states.first?.deviceID == UT.lockID)
        }
    }

    @Test("F10b: the id-only entry changes nothing; junk and id-less entries are skipped; unknown ids ignored")
    func skipped() throws {
        let bare = try Self.parse("notification-bare-array.json")
        #expect(bare.states.count == 1)
        let mixed = try Self.parse("notification-payload-array.json")
        #expect(mixed.issues.map(\.code) == [.invalidPayload, .missingField])
        let before = try UT.devicesWithState()
        let after = mixed.apply(to: before)
        #expect(after.count == before.count)
        #expect(!after.contains { $0.id == "0A:1B:2C:3D:4E:99" })
        #expect(after.first { $0.id == UT.switchID } == before.first { $0.id == UT.switchID })
    }

    @Test("DeviceDelete yields ids and removes the device; DeviceSync adds the new record")
    func deleteAndSync() throws {
        let delete = try Self.parse("notification-device-delete.json")
        #expect(delete.operation == .deviceDelete)
        #expect(delete.deletedDeviceIDs == [UT.switchID])
        #expect(!delete.apply(to: try UT.devicesWithState()).contains { $0.id == UT.switchID })
        let sync = try Self.parse("notification-device-sync.json")
        #expect(sync.operation == .deviceSync)
        #expect(sync.devices.map(\.id) == ["0A:1B:2C:3D:4E:04"])
        let synced = sync.apply(to: try UT.devicesWithState())
        #expect(synced.count == 4 && synced.last?.kind == .switch)
        var renamed = try UT.device(UT.lockID)
        renamed.name = "Renamed Gate"
        renamed.state = nil
        let kept = UtecNotification(operation: .deviceSync, devices: [renamed]).apply(to: try UT.devicesWithState())
        #expect(kept.first?.name == "Renamed Gate")
        #expect(UtecLock(kept[0])?.isLocked == true)
    }

    @Test("bodies that are not notifications are typed errors")
    func invalid() {
        for body in ["", "nope", "{\"header\":{}}", "42", "{\"payload\":{\"devices\":\"x\"}}"] {
            #expect(
                UT.syncError { try UtecNotification.parse(Data(body.utf8)) }?.code == .invalidNotification, "\(body)")
        }
    }

    @Test("merge replaces same capability/name (any case), appends new, keeps the rest")
    func merge() {
        let base = UtecDeviceState(
            deviceID: "d",
            values: [
                UtecStateValue(capability: .lock, name: "lockState", value: "Locked"),
                UtecStateValue(capability: .batteryLevel, name: "level", value: 4),
                UtecStateValue(capability: .lock, name: "lockState", value: "Jammed"),
            ])
        let update = UtecDeviceState(
            deviceID: "d",
            values: [
                UtecStateValue(capability: .unknown("st.LOCK"), name: "LOCKSTATE", value: "Unlocked"),
                UtecStateValue(capability: .healthCheck, name: "status", value: "Online"),
            ])
        let merged = base.merging(update)
        #expect(merged.value(.lock, "lockState") == "Unlocked")
        #expect(merged.values.count == 3)
        #expect(merged.value(.batteryLevel, "level") == 4)
        #expect(merged.value(.healthCheck, "status") == "Online")
        var device = UtecDevice(id: "d", name: "n", category: .smartLock, handleType: .lock)
        #expect(device.applying(UtecDeviceState(deviceID: "other", values: update.values)) == device)
        device = device.applying(update)
        #expect(device.state?.values.count == 2)
    }
}
