import AuthCore

extension ViessmannClient {
    /// The most pages a listing follows before it stops with ``ViessmannError/Code/paginationLoop``.
    static let maximumPages = 100

    /// Every installation of the account (E1), following `cursor.next` until it is `""`.
    public func installations() async throws -> [ViessmannInstallation] {
        try await allPages { try await send(ViessmannEndpoints.installations(cursor: $0)) }
    }

    /// Every gateway of the account, across installations (E2).
    public func gateways() async throws -> [ViessmannGateway] {
        try await allPages { try await send(ViessmannEndpoints.gateways(cursor: $0)) }
    }

    /// The devices behind a gateway (E3), optionally with their features (one features request per
    /// device, one after another).
    ///
    /// - Parameters:
    ///   - installationID: The installation.
    ///   - gatewaySerial: The gateway.
    ///   - includeFeatures: Read each device's features too.
    ///   - onlyActiveFeatures: With `includeFeatures`, only features that are enabled and ready.
    public func devices(
        installationID: String, gatewaySerial: String, includeFeatures: Bool = false, onlyActiveFeatures: Bool = false
    ) async throws -> [ViessmannDevice] {
        try Self.requireIDs(["installationID": installationID, "gatewaySerial": gatewaySerial])
        let devices = try await allPages {
            try await send(
                ViessmannEndpoints.devices(installationID: installationID, gatewaySerial: gatewaySerial, cursor: $0))
        }
        guard includeFeatures else { return devices }
        var hydrated: [ViessmannDevice] = []
        for device in devices {
            hydrated.append(try await updateDevice(device, onlyEnabled: onlyActiveFeatures))
        }
        return hydrated
    }

    /// Every device of every gateway of one installation, with features. Gateways of other
    /// installations are left out (the original read them all under the given id).
    public func fullInstallationStatus(installationID: String, onlyEnabled: Bool = true) async throws
        -> [ViessmannDevice]
    {
        try Self.requireIDs(["installationID": installationID])
        var result: [ViessmannDevice] = []
        for gateway in try await gateways() where gateway.installationID == installationID {
            result += try await devices(
                installationID: installationID, gatewaySerial: gateway.serial, includeFeatures: true,
                onlyActiveFeatures: onlyEnabled)
        }
        return result
    }

    func allPages<Entry: Sendable>(_ page: (String?) async throws -> ViessmannEndpoints.Page<Entry>) async throws
        -> [Entry]
    {
        var entries: [Entry] = []
        var cursor: String?
        var seen = Set<String>()
        for _ in 0..<Self.maximumPages {
            let current = try await page(cursor)
            entries += current.entries
            guard let next = current.next else { return entries }
            guard seen.insert(next).inserted else {
                throw ViessmannError(.paginationLoop, "the API returned the same cursor twice")
            }
            cursor = next
        }
        throw ViessmannError(.paginationLoop, "more than \(Self.maximumPages) pages")
    }

    static func requireIDs(_ ids: KeyValuePairs<String, String>) throws {
        for (name, value) in ids where value.isEmpty {
            throw ViessmannError(.invalidArgument, "\(name) is empty")
        }
    }
}
