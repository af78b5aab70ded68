import AuthCore

extension BticinoClient {
    /// A home's live status (`homestatus`): reachability, lock and light state, firmware, variants.
    ///
    /// A home the topology does not know gives an empty status without any request (as the
    /// original does); the topology is loaded first when none was loaded.
    public func homeStatus(homeID: String, deviceTypes: [BticinoModuleType]? = nil) async throws
        -> BticinoHomeStatus
    {
        guard try await knownHome(homeID) != nil else { return BticinoHomeStatus(homeID: homeID) }
        return try await send(
            BticinoEndpoints.homeStatus(
                appVersion: configuration.appVersion, homeID: homeID, deviceTypes: deviceTypes))
    }

    /// The home's topology merged with its status by module id.
    ///
    /// - Throws: ``BticinoError`` `unknownHome` for a home the topology does not have.
    public func homeState(homeID: String) async throws -> BticinoHomeState {
        let home = try await requireHome(homeID)
        let status = try await homeStatus(homeID: homeID)
        return BticinoHomeState(home: home, status: status)
    }
}
