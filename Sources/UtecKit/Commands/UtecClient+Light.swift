import AuthCore

extension UtecClient {
    /// Turns a switch or light on (`st.switch` `on`) and queries the result.
    public func turnOn(_ device: UtecDevice) async throws -> UtecCommandOutcome {
        try await sendAndConfirm(.turnOn, to: device)
    }

    /// Turns a switch or light off (`st.switch` `off`) and queries the result.
    public func turnOff(_ device: UtecDevice) async throws -> UtecCommandOutcome {
        try await sendAndConfirm(.turnOff, to: device)
    }

    /// Sets a light's brightness (`st.switchLevel` `setLevel`), clamped to 1…100 (0 would mean off;
    /// setting a level also turns the light on), and queries the result.
    public func setBrightness(_ device: UtecDevice, to level: Int) async throws -> UtecCommandOutcome {
        try await sendAndConfirm(.setLevel(level), to: device)
    }

    /// Sets a light's colour temperature, checked against the device's own
    /// `colorTemperatureRange` (2000…9000 K when it reports none) before anything is sent.
    ///
    /// - Throws: ``UtecError`` `invalidArgument` outside the range, `unsupportedCommand` for a
    ///   device without colour temperature.
    public func setColorTemperature(_ device: UtecDevice, kelvin: Int) async throws -> UtecCommandOutcome {
        try checkColorTemperature(kelvin, for: device)
        return try await sendAndConfirm(.setColorTemperature(kelvin), to: device)
    }

    /// Sets a light's colour (`st.color` `color`) and queries the result.
    public func setColor(_ device: UtecDevice, to color: UtecRGBColor) async throws -> UtecCommandOutcome {
        try await sendAndConfirm(.setColor(color), to: device)
    }

    /// Turns a light on with any of brightness, colour temperature and colour: one command per
    /// attribute given (only `setLevel` for brightness alone; plain `on` when none is given), every
    /// argument checked before the first is sent, then one query for the result.
    public func turnOn(
        _ device: UtecDevice, brightness: Int? = nil, colorTemperature: Int? = nil, color: UtecRGBColor? = nil
    ) async throws -> UtecCommandOutcome {
        var commands: [UtecDeviceCommand] = []
        if let brightness { commands.append(.setLevel(brightness)) }
        if let colorTemperature {
            try checkColorTemperature(colorTemperature, for: device)
            commands.append(.setColorTemperature(colorTemperature))
        }
        if let color { commands.append(.setColor(color)) }
        if commands.isEmpty { commands.append(.turnOn) }
        for command in commands { try check(command, for: device) }
        var last: UtecCommandAcknowledgement?
        for command in commands { last = try await send(command, to: reference(device)) }
        let acknowledgement = last ?? UtecCommandAcknowledgement(deviceID: device.id, deferredSeconds: nil)
        return UtecCommandOutcome(acknowledgement: acknowledgement, state: try await confirm(acknowledgement, device))
    }

    private func checkColorTemperature(_ kelvin: Int, for device: UtecDevice) throws {
        try check(.setColorTemperature(kelvin), for: device)
        let range = device.attributes.colorTemperatureRange ?? UtecLight.defaultColorTemperatureRange
        guard range.contains(kelvin) else {
            throw UtecError(
                .invalidArgument,
                "colour temperature \(kelvin) K is outside the device's \(range.min)...\(range.max) K",
                deviceID: device.id)
        }
    }
}
