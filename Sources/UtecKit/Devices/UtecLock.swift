import AuthCore

/// A lock's view of a ``UtecDevice``: lock state and mode, battery, door sensor.
public struct UtecLock: Sendable, Equatable {
    /// The device.
    public var device: UtecDevice

    /// The lock view of `device`, or `nil` when it is not a lock.
    public init?(_ device: UtecDevice) {
        guard device.kind == .lock else { return nil }
        self.device = device
    }

    private var state: UtecDeviceState? { device.state }

    /// `lockState`; `nil` before a state is known.
    public var lockState: UtecLockState? {
        state?.value(.lock, "lockState")?.lenientString.map(UtecLockState.init(rawValue:))
    }

    /// Whether the lock reports `Locked`.
    public var isLocked: Bool { lockState == .locked }
    /// Whether the lock reports `Jammed`.
    public var isJammed: Bool { lockState == .jammed }

    /// `lockMode`; `nil` when absent or not 0, 1 or 2.
    public var lockMode: UtecLockMode? { UtecLockMode(json: state?.value(.lock, "lockMode")) }

    /// `st.batteryLevel` `level`; `nil` when absent or outside 1…5.
    public var battery: UtecBatteryLevel? { UtecBatteryLevel(json: state?.value(.batteryLevel, "level")) }

    /// Whether the lock has a door sensor (its handle type says so, or it reports one).
    public var hasDoorSensor: Bool { device.hasCapability(.doorSensor) }

    /// `st.doorSensor` `sensorState`; `nil` without a sensor or before it reported.
    public var doorState: UtecDoorState? {
        guard hasDoorSensor else { return nil }
        return state?.value(.doorSensor, "sensorState")?.lenientString.map(UtecDoorState.init(rawValue:))
    }

    /// Whether the door is open; `nil` when unknown.
    public var isDoorOpen: Bool? {
        guard let doorState else { return nil }
        switch doorState {
        case .open: return true
        case .closed: return false
        case .unknown: return nil
        }
    }
}
