import AuthCore

/// A command's answer: U-Tec acknowledges at once and says how many seconds the device needs
/// (`st.deferredResponse` `seconds`); the result itself has to be queried (or pushed) later.
/// An acknowledgement never changes a device's known state.
public struct UtecCommandAcknowledgement: Sendable, Equatable, Codable {
    /// The device.
    public var deviceID: String
    /// Seconds until the result should be known; `nil` when not given or not a number.
    public var deferredSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case deviceID = "id"
        case deferredSeconds
    }

    /// Creates an acknowledgement.
    public init(deviceID: String, deferredSeconds: Int?) {
        self.deviceID = deviceID
        self.deferredSeconds = deferredSeconds
    }

    /// Reads the acknowledgement from a device's reported states.
    init(state: UtecDeviceState) {
        let value = state.value(.deferredResponse, "seconds")
        let seconds: Int?
        if case .number(let number)? = value, let whole = number.intValue, whole >= 0 {
            seconds = whole
        } else {
            seconds = nil
        }
        self.init(deviceID: state.deviceID, deferredSeconds: seconds)
    }
}

/// A command, its acknowledgement and the state queried afterwards.
public struct UtecCommandOutcome: Sendable, Equatable {
    /// The acknowledgement.
    public var acknowledgement: UtecCommandAcknowledgement
    /// The state queried after the deferred delay: the command's real result.
    public var state: UtecDeviceState

    /// Creates an outcome.
    public init(acknowledgement: UtecCommandAcknowledgement, state: UtecDeviceState) {
        self.acknowledgement = acknowledgement
        self.state = state
    }
}
