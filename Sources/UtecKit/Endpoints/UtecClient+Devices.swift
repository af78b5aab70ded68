import AuthCore

extension UtecClient {
    /// `Uhome.Device` / `Discovery`: every device of the account.
    ///
    /// Records without `id` or `handleType` are skipped and reported in
    /// ``UtecDiscoveryResult/issues``; unknown categories and handle types are kept.
    public func discoverDevices() async throws -> UtecDiscoveryResult {
        try await send(UtecEndpoints.action(request(.discovery)) { try UtecDeviceParser.discovery($0.payload) })
    }

    /// `Uhome.Device` / `Query` for many devices in one call (split by
    /// ``Configuration/maximumDevicesPerQuery`` when set), each with its `customData` echoed back.
    ///
    /// A device that reports an error (`DEVICE_OFFLINE`) is in ``UtecQueryResult/failures``; the
    /// others still have their states.
    /// - Throws: ``UtecError`` `invalidArgument` for an empty list; `APIError` for the call.
    public func query(_ devices: [UtecDevice]) async throws -> UtecQueryResult {
        try await query(references: devices.map(reference))
    }

    /// `Uhome.Device` / `Query` for devices named by id only.
    public func query(deviceIDs: [String]) async throws -> UtecQueryResult {
        try await query(references: deviceIDs.map { UtecDeviceReference(id: $0) })
    }

    /// `Uhome.Device` / `Query` for the given references.
    public func query(references: [UtecDeviceReference]) async throws -> UtecQueryResult {
        guard !references.isEmpty else { throw UtecError(.invalidArgument, "a query needs at least one device") }
        if let empty = references.first(where: { $0.id.isEmpty }) {
            throw UtecError(.invalidArgument, "a device id must not be empty", deviceID: empty.id)
        }
        let size = configuration.maximumDevicesPerQuery ?? references.count
        var result = UtecQueryResult(states: [])
        for start in stride(from: 0, to: references.count, by: size) {
            let batch = Array(references[start..<min(start + size, references.count)])
            let part = try await send(
                UtecEndpoints.scrubbedAction(request(.query, payload: ["devices": .array(batch.map(\.json))])) {
                    try UtecStateParser.query($0.payload, scrub: $1)
                })
            result.states += part.states
            result.failures += part.failures
        }
        return result
    }

    /// The current state of one device.
    ///
    /// - Throws: the device's ``UtecError`` (`deviceError`, e.g. offline) or `deviceMissing`.
    public func state(of device: UtecDevice) async throws -> UtecDeviceState {
        try await query(references: [reference(device)]).state(of: device.id)
    }

    /// `device` with its state replaced by a fresh query (the answer's entry for its own id).
    public func refresh(_ device: UtecDevice) async throws -> UtecDevice {
        var copy = device
        copy.state = try await state(of: device)
        return copy
    }

    /// Discovery followed by one batched query: every device with its current state. Devices that
    /// reported an error keep no state.
    public func devicesWithState() async throws -> UtecDiscoveryResult {
        var found = try await discoverDevices()
        guard !found.devices.isEmpty else { return found }
        let states = try await query(found.devices)
        // The first state for each id, found in one pass (a large account stays linear).
        let byID = Dictionary(states.states.map { ($0.deviceID, $0) }, uniquingKeysWith: { first, _ in first })
        found.devices = found.devices.map { device in
            var copy = device
            if let state = byID[device.id] { copy.state = state }
            return copy
        }
        return found
    }
}
