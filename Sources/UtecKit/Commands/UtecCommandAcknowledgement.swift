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

    /// Reads the acknowledgement from a device's reported states; the seconds leniently (`20`,
    /// `"20"`), anything else (negative, not a number) as `nil`.
    init(state: UtecDeviceState) {
        let seconds = state.value(.deferredResponse, "seconds")?.lenientInt
        self.init(deviceID: state.deviceID, deferredSeconds: seconds.flatMap { $0 >= 0 ? $0 : nil })
    }

    /// The acknowledgement for `deviceID` in an accepted command answer: its reported states, or
    /// no delay when the answer does not mention it (the command was still accepted).
    ///
    /// - Throws: the device's own ``UtecError`` when the answer reports one for it.
    init(accepted result: UtecQueryResult, deviceID: String) throws {
        if let failure = result.failures.first(where: { $0.deviceID == deviceID }) { throw failure }
        if let state = result.states.first(where: { $0.deviceID == deviceID }) {
            self.init(state: state)
        } else {
            self.init(deviceID: deviceID, deferredSeconds: nil)
        }
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
