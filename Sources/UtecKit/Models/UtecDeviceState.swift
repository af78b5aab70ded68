import AuthCore

/// A device's reported states, from a query or a notification: `{"id", "states":[…]}`.
public struct UtecDeviceState: Sendable, Equatable, Codable {
    /// The device id.
    public var deviceID: String
    /// The states, in the order received.
    public var values: [UtecStateValue]

    enum CodingKeys: String, CodingKey {
        case deviceID = "id"
        case values = "states"
    }

    /// Creates a state.
    public init(deviceID: String, values: [UtecStateValue] = []) {
        self.deviceID = deviceID
        self.values = values
    }

    /// The value of the first entry for `capability`/`name` (case-insensitive), or `nil`.
    public func value(_ capability: UtecCapability, _ name: String) -> JSONValue? {
        values.first { $0.matches(capability, name) }?.value
    }

    /// `[capability: [name: value]]`; of duplicates the later entry wins.
    public func flattened() -> [String: [String: JSONValue]] {
        var result: [String: [String: JSONValue]] = [:]
        for entry in values { result[entry.capability.rawValue, default: [:]][entry.name] = entry.value }
        return result
    }

    /// The capabilities this state reports.
    public var capabilities: Set<UtecCapability> { Set(values.map(\.capability)) }

    /// This state with `update`'s values merged in: an entry for the same capability and name
    /// (case-insensitive) is replaced in place, new entries are appended, and values the update
    /// does not mention are kept. A partial notification therefore never wipes the lock state.
    public func merging(_ update: UtecDeviceState) -> UtecDeviceState {
        var merged = self
        for entry in update.values {
            if let index = merged.values.firstIndex(where: { $0.matches(entry.capability, entry.name) }) {
                merged.values[index] = entry
                merged.values = merged.values.enumerated()
                    .filter { $0.offset <= index || !$0.element.matches(entry.capability, entry.name) }
                    .map(\.element)
            } else {
                merged.values.append(entry)
            }
        }
        return merged
    }
}
