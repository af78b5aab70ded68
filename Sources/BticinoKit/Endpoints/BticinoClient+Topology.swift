import AuthCore

extension BticinoClient {
    /// The topology (`homesdata`): the user, homes, rooms and modules with their bridges. It is
    /// remembered for the calls that need a home's time zone or a module's bridge.
    ///
    /// - Parameter deviceTypes: Sent as `device_types` only when given (the cloud then returns
    ///   only those types; ``BticinoModuleType/defaultFilter`` includes `BNC3`). By default every
    ///   module type is returned.
    public func topology(deviceTypes: [BticinoModuleType]? = nil) async throws -> BticinoTopology {
        let topology = try await send(
            BticinoEndpoints.topology(appVersion: configuration.appVersion, deviceTypes: deviceTypes))
        cache.store(topology)
        return topology
    }

    /// The topology loaded last (pybticino's `account.user` and `account.homes`), without a request;
    /// `nil` before the first ``topology(deviceTypes:)``.
    public var loadedTopology: BticinoTopology? { cache.topology }

    /// The remembered topology, loading it first when none was loaded.
    func knownTopology() async throws -> BticinoTopology {
        if let topology = cache.topology { return topology }
        return try await topology()
    }

    /// The home `homeID` of the topology, or `nil` when the topology does not have it.
    func knownHome(_ homeID: String) async throws -> BticinoHome? {
        try await knownTopology().home(homeID)
    }

    /// The home `homeID`, or ``BticinoError`` `unknownHome` before anything is sent.
    func requireHome(_ homeID: String) async throws -> BticinoHome {
        guard !homeID.isEmpty else { throw BticinoError(.invalidRequest, "the home id is empty") }
        guard let home = try await knownHome(homeID) else {
            throw BticinoError(.unknownHome, "home \(homeID) is not in the topology")
        }
        return home
    }
}
