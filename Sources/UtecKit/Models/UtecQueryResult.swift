import AuthCore

/// The answer to a query for one or more devices: the states that came back and the devices that
/// reported an error instead (`payload.devices[].error`).
public struct UtecQueryResult: Sendable, Equatable {
    /// The states, in the order received.
    public var states: [UtecDeviceState]
    /// The per-device errors (code ``UtecError/Code/deviceError``), in the order received.
    public var failures: [UtecError]

    /// Creates a result.
    public init(states: [UtecDeviceState], failures: [UtecError] = []) {
        self.states = states
        self.failures = failures
    }

    /// The state of `deviceID`.
    ///
    /// - Throws: the device's own ``UtecError`` (`deviceError`, for example `DEVICE_OFFLINE`), or
    ///   `deviceMissing` when the answer did not mention it.
    public func state(of deviceID: String) throws -> UtecDeviceState {
        if let failure = failures.first(where: { $0.deviceID == deviceID }) { throw failure }
        guard let state = states.first(where: { $0.deviceID == deviceID }) else {
            throw UtecError(.deviceMissing, "the answer has no state for the device", deviceID: deviceID)
        }
        return state
    }
}
