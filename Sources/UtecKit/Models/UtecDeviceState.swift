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
    ///
    /// Linear in the sizes of both states: entries are found by their lower-cased capability and name.
    public func merging(_ update: UtecDeviceState) -> UtecDeviceState {
        guard !update.values.isEmpty else { return self }
        var slots: [UtecStateValue?] = values
        var first: [UtecStateKey: Int] = [:]
        var duplicates: [UtecStateKey: [Int]] = [:]
        for (index, entry) in values.enumerated() {
            let key = UtecStateKey(entry)
            if first[key] == nil { first[key] = index } else { duplicates[key, default: []].append(index) }
        }
        for entry in update.values {
            let key = UtecStateKey(entry)
            if let index = first[key] {
                slots[index] = entry
                for later in duplicates.removeValue(forKey: key) ?? [] { slots[later] = nil }
            } else {
                first[key] = slots.count
                slots.append(entry)
            }
        }
        var merged = self
        merged.values = slots.compactMap { $0 }
        return merged
    }
}

/// A state entry's identity for merging: its capability and name, lower-cased.
struct UtecStateKey: Hashable {
    let capability: String
    let name: String

    init(_ entry: UtecStateValue) {
        capability = entry.capability.rawValue.lowercased()
        name = entry.name.lowercased()
    }
}
