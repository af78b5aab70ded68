import AuthCore

extension UtecClient {
    /// `Uhome.Device` / `Command`: sends `command` to `device` (with its `customData`) and returns
    /// U-Tec's acknowledgement. The command's result is not known yet: query after
    /// ``UtecCommandAcknowledgement/deferredSeconds`` (or use ``sendAndConfirm(_:to:)``).
    ///
    /// An accepted answer that does not mention the device (`payload:{}`, `devices:[]`) is an
    /// acknowledgement without a delay.
    ///
    /// - Throws: ``UtecError`` `unsupportedCommand` when the device's type lacks the capability,
    ///   the device's own error (`deviceError`), or `APIError`. A command is never repeated.
    public func send(_ command: UtecDeviceCommand, to device: UtecDevice) async throws -> UtecCommandAcknowledgement {
        try check(command, for: device)
        return try await send(command, to: reference(device))
    }

    /// Sends `command` to a device named by reference, without checking its capabilities.
    public func send(_ command: UtecDeviceCommand, to device: UtecDeviceReference) async throws
        -> UtecCommandAcknowledgement
    {
        guard !device.id.isEmpty else { throw UtecError(.invalidArgument, "a device id must not be empty") }
        let body = try UtecActionRequest.command([(device, command)], messageID: configuration.messageIDs())
        return try await send(
            UtecEndpoints.scrubbedAction(body) { response, scrub in
                let result = try UtecStateParser.query(response.payload, scrub: scrub)
                return try UtecCommandAcknowledgement(accepted: result, deviceID: device.id)
            })
    }

    /// Sends `command`, waits the acknowledged delay (at most
    /// ``Configuration/maximumConfirmationDelay``), and queries the device for the result.
    public func sendAndConfirm(_ command: UtecDeviceCommand, to device: UtecDevice) async throws -> UtecCommandOutcome {
        let acknowledgement = try await send(command, to: device)
        return UtecCommandOutcome(acknowledgement: acknowledgement, state: try await confirm(acknowledgement, device))
    }

    /// Waits for the deferred delay, then queries the device.
    func confirm(_ acknowledgement: UtecCommandAcknowledgement, _ device: UtecDevice) async throws -> UtecDeviceState {
        let wait = min(Duration.seconds(acknowledgement.deferredSeconds ?? 0), configuration.maximumConfirmationDelay)
        if wait > .zero {
            do {
                try await configuration.timeSource.sleep(for: wait)
            } catch {
                throw APIError(
                    kind: .cancelled, message: "cancelled while waiting for the command's result", underlying: error)
            }
        }
        return try await state(of: device)
    }

    /// Refuses a command for a capability a known device type does not have.
    func check(_ command: UtecDeviceCommand, for device: UtecDevice) throws {
        guard device.kind != .unsupported, !device.hasCapability(command.capability) else { return }
        throw UtecError(
            .unsupportedCommand,
            "\(device.handleType.rawValue) has no \(command.capability.rawValue) for '\(command.name)'",
            deviceID: device.id)
    }
}
