import AuthCore

/// A switch's (or plug's) view of a ``UtecDevice``.
public struct UtecSwitch: Sendable, Equatable {
    /// The device.
    public var device: UtecDevice

    /// The switch view of `device`, or `nil` when it is not a switch.
    public init?(_ device: UtecDevice) {
        guard device.kind == .switch else { return nil }
        self.device = device
    }

    /// Whether `st.switch` `switch` is `on` (any casing); `false` when unknown.
    public var isOn: Bool { UtecSwitch.isOn(device.state) }

    static func isOn(_ state: UtecDeviceState?) -> Bool {
        guard let value = state?.value(.switch, "switch")?.lenientString else { return false }
        return UtecCaseInsensitive.equal(value, "on")
    }
}
