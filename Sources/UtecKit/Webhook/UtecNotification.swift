import AuthCore
import Foundation

/// A notification U-Tec posted to the registered webhook (`Uhome.Notification`).
///
/// Read with ``parse(_:)-(Data)``, which accepts every shape seen in the field: the documented envelope
/// (with `payloadVersion` or `playloadVersion`), a bare JSON array of devices, an object whose
/// `payload` is the array itself, and `states` as a list or as a mapping. Entries that are not
/// objects or have no `id` are skipped; entries with only an `id` carry no change.
public struct UtecNotification: Sendable, Equatable {
    /// The namespace/name pair (`DeviceState` for bare arrays).
    public var operation: UtecOperation
    /// The message id, when the envelope has one.
    public var messageID: String?
    /// `DeviceState`: the states that changed (partial; merge them, see ``apply(to:)``).
    public var states: [UtecDeviceState]
    /// `DeviceSync`: the devices as they are now (discover again for a full list).
    public var devices: [UtecDevice]
    /// `DeviceDelete`: the ids of removed devices.
    public var deletedDeviceIDs: [String]
    /// Entries that were skipped.
    public var issues: [UtecPayloadIssue]

    /// Creates a notification.
    public init(
        operation: UtecOperation, messageID: String? = nil, states: [UtecDeviceState] = [],
        devices: [UtecDevice] = [], deletedDeviceIDs: [String] = [], issues: [UtecPayloadIssue] = []
    ) {
        self.operation = operation
        self.messageID = messageID
        self.states = states
        self.devices = devices
        self.deletedDeviceIDs = deletedDeviceIDs
        self.issues = issues
    }

    /// Reads a notification body.
    ///
    /// - Throws: ``UtecError`` `invalidNotification` when the body is not JSON, or is neither an
    ///   array nor an object with a device list.
    public static func parse(_ body: Data) throws -> UtecNotification {
        guard let json = try? JSONValue(jsonData: body) else {
            throw UtecError(.invalidNotification, "the notification body is not JSON")
        }
        return try parse(json)
    }

    /// Reads a parsed notification body.
    public static func parse(_ json: JSONValue) throws -> UtecNotification {
        let header = json["header"].flatMap { $0.objectValue == nil ? nil : UtecActionHeader(json: $0) }
        var operation = UtecOperation.deviceState
        if let header, !header.name.isEmpty {
            operation = UtecOperation(
                namespace: header.namespace.isEmpty ? "Uhome.Notification" : header.namespace,
                name: header.name)
        }
        let entries: [JSONValue]
        if let array = json.arrayValue {
            entries = array
        } else if let array = json["payload"]?.arrayValue {
            entries = array
        } else if let array = json["payload"]?["devices"]?.arrayValue ?? json["devices"]?.arrayValue {
            entries = array
        } else {
            throw UtecError(.invalidNotification, "the notification has no device list")
        }
        var notification = UtecNotification(
            operation: operation, messageID: header.flatMap { $0.messageID.isEmpty ? nil : $0.messageID })
        for (index, entry) in entries.enumerated() {
            notification.read(entry, at: index)
        }
        return notification
    }

    private mutating func read(_ entry: JSONValue, at index: Int) {
        if operation == .deviceDelete {
            if let id = entry.stringValue ?? UtecStateParser.deviceID(entry), !id.isEmpty {
                deletedDeviceIDs.append(id)
            } else {
                issues.append(UtecPayloadIssue(index: index, code: .missingField, message: "entry has no id"))
            }
            return
        }
        guard entry.objectValue != nil else {
            issues.append(UtecPayloadIssue(index: index, code: .invalidPayload, message: "entry is not an object"))
            return
        }
        guard let id = UtecStateParser.deviceID(entry) else {
            issues.append(UtecPayloadIssue(index: index, code: .missingField, message: "entry has no id"))
            return
        }
        if operation == .deviceSync, entry["handleType"] != nil {
            switch UtecDeviceParser.device(entry) {
            case .success(let device): devices.append(device)
            case .failure(let error):
                issues.append(UtecPayloadIssue(index: index, deviceID: id, code: error.code, message: error.message))
            }
            return
        }
        guard entry["states"] != nil else { return }
        let values = UtecStateParser.values(entry["states"])
        if !values.isEmpty { states.append(UtecDeviceState(deviceID: id, values: values)) }
    }

    /// `devices` updated by this notification: states merged into the known ones (values the
    /// notification does not mention are kept), synced records replaced (their known state kept)
    /// or added, deleted devices removed. Ids that are not in `devices` are ignored for states.
    ///
    /// Linear in the sizes of the notification and of `devices`.
    public func apply(to devices: [UtecDevice]) -> [UtecDevice] {
        let deleted = Set(deletedDeviceIDs)
        var result = devices.filter { !deleted.contains($0.id) }
        var indexByID: [String: Int] = [:]
        for (index, device) in result.enumerated() where indexByID[device.id] == nil { indexByID[device.id] = index }
        // Every update for one device is merged in one pass, in order (the same as merging them one by one).
        var pending: [Int: [UtecStateValue]] = [:]
        var order: [Int] = []
        for update in states {
            guard let index = indexByID[update.deviceID] else { continue }
            if pending[index] == nil { order.append(index) }
            pending[index, default: []] += update.values
        }
        for index in order {
            result[index] = result[index].applying(
                UtecDeviceState(deviceID: result[index].id, values: pending[index] ?? []))
        }
        for synced in self.devices {
            if let index = indexByID[synced.id] {
                var replacement = synced
                replacement.state = synced.state.map { (result[index].state ?? $0).merging($0) } ?? result[index].state
                result[index] = replacement
            } else {
                indexByID[synced.id] = result.count
                result.append(synced)
            }
        }
        return result
    }
}
