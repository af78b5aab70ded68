import AuthCore

/// The devices discovery returned, and the records it could not use.
public struct UtecDiscoveryResult: Sendable, Equatable {
    /// The devices, in the order received (unsupported handle types included).
    public var devices: [UtecDevice]
    /// What was skipped or is not supported, one entry per record.
    public var issues: [UtecPayloadIssue]

    /// Creates a result.
    public init(devices: [UtecDevice], issues: [UtecPayloadIssue] = []) {
        self.devices = devices
        self.issues = issues
    }

    /// The device with `id`, if discovered.
    public func device(id: String) -> UtecDevice? { devices.first { $0.id == id } }

    /// The locks.
    public var locks: [UtecLock] { devices.compactMap(UtecLock.init) }
    /// The switches and plugs.
    public var switches: [UtecSwitch] { devices.compactMap(UtecSwitch.init) }
    /// The lights and dimmers.
    public var lights: [UtecLight] { devices.compactMap(UtecLight.init) }
}

/// A record in an answer or notification that UtecKit skipped or cannot fully use.
public struct UtecPayloadIssue: Sendable, Equatable, CustomStringConvertible {
    /// The record's position in its list.
    public var index: Int
    /// The record's id, when it has one.
    public var deviceID: String?
    /// What is wrong: `missingField`, `invalidPayload` (not an object) or `unsupportedCommand`
    /// (a handle type without abstraction; the device is still listed).
    public var code: UtecError.Code
    /// Details.
    public var message: String

    /// Creates an issue.
    public init(index: Int, deviceID: String? = nil, code: UtecError.Code, message: String) {
        self.index = index
        self.deviceID = deviceID
        self.code = code
        self.message = message
    }

    /// `#<index>: <message>`.
    public var description: String { "#\(index): \(message)" }
}
