import AuthCore

extension BticinoClient {
    /// The event history (`getevents`): calls with their subevents and snapshot/vignette URLs,
    /// bridge connections and disconnections.
    ///
    /// A home the topology does not know gives no events without any request (as the original does).
    ///
    /// - Parameters:
    ///   - homeID: The home.
    ///   - size: How many events; default 30, at least 1.
    public func events(homeID: String, size: Int = 30) async throws -> [BticinoEvent] {
        guard size > 0 else { throw BticinoError(.invalidRequest, "size must be at least 1, got \(size)") }
        guard try await knownHome(homeID) != nil else { return [] }
        return try await send(BticinoEndpoints.events(appVersion: configuration.appVersion, homeID: homeID, size: size))
    }

    /// TURN and STUN servers for a WebRTC call (`app-turn.netatmo.net/api/getcredentials`).
    public func turnServers() async throws -> [BticinoICEServer] {
        try await send(BticinoEndpoints.turn(), through: turnAPI)
    }
}
