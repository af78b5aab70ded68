import AuthCore
import Foundation
import TestSupport
import Testing

@testable import UtecKit

/// Server data merged in linear time: a large webhook must not cost a comparison per pair of entries.
/// No timing assertion: quadratic work on these sizes (billions of case-insensitive comparisons)
/// blows the time limit, the linear merge takes a fraction of a second.
@Suite("Notifications at scale: linear merge, same semantics")
struct NotificationScaleTests {
    static let entries = 90_000

    /// A 1 MiB-class `DeviceState` notification: `count` distinct entries for the lock, in
    /// updates of `perUpdate` entries each.
    static func largeNotification(count: Int, perUpdate: Int) throws -> UtecNotification {
        var updates: [String] = []
        for start in stride(from: 0, to: count, by: perUpdate) {
            let states = (start..<min(start + perUpdate, count)).map {
                #"{"capability":"st.custom\#($0 % 7)","name":"Attr\#($0)","value":\#($0)}"#
            }
            updates.append(#"{"id":"\#(UT.lockID)","states":[\#(states.joined(separator: ","))]}"#)
        }
        let body =
            #"{"header":{"namespace":"Uhome.Notification","name":"DeviceState","messageId":"m-1","payloadVersion":"1"},"#
            + #""payload":{"devices":[\#(updates.joined(separator: ","))]}}"#
        return try UtecNotification.parse(Data(body.utf8))
    }

    @Test("a 90,000-entry notification merges into the lock, every entry kept once", .timeLimit(.minutes(1)))
    func largeSingleUpdate() throws {
        let notification = try Self.largeNotification(count: Self.entries, perUpdate: Self.entries)
        let before = try UT.devicesWithState()
        let known = try #require(before.first { $0.id == UT.lockID }?.state?.values.count)
        let after = notification.apply(to: before)
        let lock = try #require(after.first { $0.id == UT.lockID })
        #expect(lock.state?.values.count == known + Self.entries)
        #expect(lock.state?.value(.unknown("ST.CUSTOM4"), "attr89996") == 89_996)
        #expect(UtecLock(lock)?.battery == .high, "values the notification does not mention are kept")
    }

    @Test("90,000 one-entry updates for one device and a re-sent state merge in place", .timeLimit(.minutes(1)))
    func manySmallUpdates() throws {
        let notification = try Self.largeNotification(count: Self.entries, perUpdate: 1)
        #expect(notification.states.count == Self.entries)
        let first = notification.apply(to: try UT.devicesWithState())
        // The same entries again, in another casing of the names, replace rather than append.
        let again = UtecDeviceState(
            deviceID: UT.lockID,
            values: (0..<Self.entries).map {
                UtecStateValue(capability: .unknown("ST.CUSTOM\($0 % 7)"), name: "ATTR\($0)", value: .number(-1))
            })
        let lock = try #require(first.first { $0.id == UT.lockID })
        let merged = lock.applying(again)
        #expect(merged.state?.values.count == lock.state?.values.count)
        #expect(merged.state?.value(.unknown("st.custom0"), "attr0") == .number(-1))
    }

    @Test("merge semantics: replaced in place, later duplicates dropped, new entries appended, order kept")
    func semantics() {
        func value(_ capability: String, _ name: String, _ value: Int) -> UtecStateValue {
            UtecStateValue(
                capability: UtecCapability(rawValue: capability), name: name, value: JSONValue(integerLiteral: value))
        }
        let state = UtecDeviceState(
            deviceID: "d",
            values: [
                value("st.lock", "lockState", 1), value("st.batteryLevel", "level", 2),
                value("ST.LOCK", "LOCKSTATE", 3), value("st.doorSensor", "sensorState", 4),
                value("st.batteryLevel", "Level", 5),
            ])
        let update = UtecDeviceState(
            deviceID: "d",
            values: [
                value("st.Lock", "lockstate", 10), value("st.custom", "x", 11), value("st.custom", "X", 12),
            ])
        let merged = state.merging(update)
        #expect(
            merged.values == [
                value("st.Lock", "lockstate", 10), value("st.batteryLevel", "level", 2),
                value("st.doorSensor", "sensorState", 4), value("st.batteryLevel", "Level", 5),
                value("st.custom", "X", 12),
            ])
        #expect(state.merging(UtecDeviceState(deviceID: "d")) == state)
    }
}
