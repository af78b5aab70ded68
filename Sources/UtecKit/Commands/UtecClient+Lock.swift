import AuthCore

extension UtecClient {
    /// Locks `device` and queries the result after the acknowledged delay.
    public func lock(_ device: UtecDevice) async throws -> UtecCommandOutcome {
        try await sendAndConfirm(.lock, to: lockDevice(device))
    }

    /// Unlocks `device` and queries the result after the acknowledged delay.
    public func unlock(_ device: UtecDevice) async throws -> UtecCommandOutcome {
        try await sendAndConfirm(.unlock, to: lockDevice(device))
    }

    /// Sets the lock mode (`st.lock` `setMode`) and queries the result.
    public func setLockMode(_ mode: UtecLockMode, of device: UtecDevice) async throws -> UtecCommandOutcome {
        try await sendAndConfirm(.setLockMode(mode), to: lockDevice(device))
    }

    private func lockDevice(_ device: UtecDevice) throws -> UtecDevice {
        guard device.kind == .lock else {
            throw UtecError(.unsupportedCommand, "\(device.handleType.rawValue) is not a lock", deviceID: device.id)
        }
        return device
    }
}
