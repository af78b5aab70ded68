import AuthCore

extension BticinoClient {
    /// Changes a module's state (`setstate`).
    ///
    /// The module's bridge and the home's time zone are taken from the topology unless given;
    /// `bridge` is sent only when it differs from the module id.
    ///
    /// - Parameters:
    ///   - homeID: The home; refused locally when the topology does not have it.
    ///   - moduleID: The module.
    ///   - timezone: The home's time zone; by default the topology's.
    ///   - bridgeID: The module's bridge; by default the topology's.
    ///   - state: The state members, for example `["lock": false]`; an `id` member is ignored.
    /// - Returns: The answer, with per-module errors when the cloud listed any.
    /// - Throws: ``BticinoError`` `unknownHome` before anything is sent; `APIError` for HTTP failures.
    @discardableResult
    public func setState(
        homeID: String, moduleID: String, state: [String: JSONValue], timezone: String? = nil,
        bridgeID: String? = nil
    ) async throws -> BticinoSetStateResult {
        let home = try await requireHome(homeID)
        guard !moduleID.isEmpty else { throw BticinoError(.invalidRequest, "the module id is empty") }
        let module = home.module(moduleID)
        let bridge = bridgeID ?? module?.bridgeID ?? module.flatMap { home.bridge(of: $0)?.id }
        if bridge == nil, moduleID.contains("-"), !moduleID.contains(":") {
            logger?.warning(
                "setstate for a bridged-looking module without a bridge id", metadata: ["module": "\(moduleID)"])
        }
        let members = BticinoEndpoints.setStateBody(
            appVersion: configuration.appVersion, homeID: homeID, moduleID: moduleID, state: state,
            timezone: timezone ?? home.timezone, bridgeID: bridge)
        return try await send(BticinoEndpoints.setState(members))
    }

    /// Opens a door: `{"lock": false}` to a `BNDL` (the device relocks itself after a few seconds).
    ///
    /// - Throws: ``BticinoError`` `partialFailure` when the cloud answered `ok` with an error for the
    ///   module (for example an unreachable module or a type that has no lock).
    public func openDoor(homeID: String, moduleID: String) async throws {
        try await command(homeID: homeID, moduleID: moduleID, state: ["lock": false])
    }

    /// Locks a door lock: `{"lock": true}`.
    public func lockDoor(homeID: String, moduleID: String) async throws {
        try await command(homeID: homeID, moduleID: moduleID, state: ["lock": true])
    }

    /// Switches a staircase light (`BNSL`): `{"on": true}` / `{"on": false}`. Some installations wire a door to it.
    public func setLight(homeID: String, moduleID: String, on: Bool) async throws {
        try await command(homeID: homeID, moduleID: moduleID, state: ["on": .bool(on)])
    }

    private func command(homeID: String, moduleID: String, state: [String: JSONValue]) async throws {
        let result = try await setState(homeID: homeID, moduleID: moduleID, state: state)
        if let failure = result.errors.first {
            throw BticinoError(
                .partialFailure,
                "module \(failure.moduleID ?? moduleID) refused \(failure.command ?? "the command") (code \(failure.code.map(String.init) ?? "-"))",
                vendorCode: failure.code)
        }
    }
}
