import Foundation
import UtecKit

/// What `vendorctl utec` prints: JSON documents with `--json`, tables otherwise.
enum UtecReports {
    struct Login: Encodable {
        var clientId: String
        var scope: String?
        var expiresAt: Date?
        var tokenFile: String

        var table: String {
            var table = TextTable("FIELD", "VALUE")
            table.append(["client id", clientId])
            table.append(["scope", Cell.text(scope)])
            table.append(["expires", Cell.date(expiresAt)])
            table.append(["token file", tokenFile])
            return table.rendered
        }
    }

    static func devices(_ devices: [UtecDevice]) -> String {
        var table = TextTable("ID", "NAME", "KIND", "CATEGORY", "MODEL", "ONLINE", "STATE")
        for device in devices {
            table.append([
                device.id, Cell.text(device.name), device.kind.rawValue, Cell.text(device.category.rawValue),
                Cell.text(device.deviceInfo.model), device.state == nil ? "-" : (device.isAvailable ? "yes" : "no"),
                summary(device),
            ])
        }
        return table.rendered
    }

    /// The main state of a device in a few words.
    static func summary(_ device: UtecDevice) -> String {
        if let lock = UtecLock(device) {
            var parts = [lock.lockState?.description ?? "-"]
            if let battery = lock.battery { parts.append("battery \(battery)") }
            if let door = lock.doorState { parts.append("door \(door)") }
            return parts.joined(separator: ", ")
        }
        if let light = UtecLight(device) {
            var parts = [light.isOn ? "on" : "off"]
            if let level = light.brightness { parts.append("\(level) %") }
            if let kelvin = light.colorTemperature { parts.append("\(kelvin) K") }
            return parts.joined(separator: ", ")
        }
        if let plug = UtecSwitch(device) { return plug.isOn ? "on" : "off" }
        return "-"
    }

    struct Failure: Encodable {
        var deviceId: String?
        var code: String?
        var message: String
    }

    struct Query: Encodable {
        var states: [UtecDeviceState]
        var failures: [Failure]

        init(_ result: UtecQueryResult) {
            states = result.states
            failures = result.failures.map { Failure(deviceId: $0.deviceID, code: $0.vendorCode, message: $0.message) }
        }

        var table: String {
            var table = TextTable("DEVICE", "CAPABILITY", "NAME", "VALUE")
            for state in states {
                for value in state.values {
                    table.append([state.deviceID, value.capability.rawValue, value.name, Cell.json(value.value)])
                }
            }
            for failure in failures {
                table.append([Cell.text(failure.deviceId), "error", Cell.text(failure.code), failure.message])
            }
            return table.rendered
        }
    }

    struct Outcome: Encodable {
        var deviceId: String
        var command: String
        var deferredSeconds: Int?
        var state: UtecDeviceState
        var summary: String

        init(_ device: UtecDevice, command: String, outcome: UtecCommandOutcome) {
            deviceId = device.id
            self.command = command
            deferredSeconds = outcome.acknowledgement.deferredSeconds
            state = outcome.state
            summary = UtecReports.summary(device.applying(outcome.state))
        }

        var table: String {
            var table = TextTable("DEVICE", "COMMAND", "ACKNOWLEDGED", "NOW")
            table.append([deviceId, command, deferredSeconds.map { "result after \($0) s" } ?? "at once", summary])
            return table.rendered
        }
    }

    struct Verification: Encodable {
        var status: Int
        var accepted: Bool
        var error: String?
        var operation: String?
        var states: [UtecDeviceState]
        var deletedDeviceIds: [String]

        init(_ response: UtecWebhookResponse) {
            status = response.status
            accepted = response.status == 200
            error = response.error.map { "\($0.code): \($0.message)" }
            operation = response.notification?.operation.description
            states = response.notification?.states ?? []
            deletedDeviceIds = response.notification?.deletedDeviceIDs ?? []
        }

        var table: String {
            var table = TextTable("FIELD", "VALUE")
            table.append(["status", "\(status)"])
            table.append(["accepted", accepted ? "yes" : "no"])
            if let error { table.append(["error", error]) }
            if let operation { table.append(["notification", operation]) }
            for state in states {
                for value in state.values {
                    table.append([
                        state.deviceID, "\(value.capability.rawValue) \(value.name) = \(Cell.json(value.value))",
                    ])
                }
            }
            for id in deletedDeviceIds { table.append([id, "deleted"]) }
            return table.rendered
        }
    }
}
