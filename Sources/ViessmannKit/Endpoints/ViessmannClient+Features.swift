import AuthCore

extension ViessmannClient {
    /// A device's flat features (E4), in the API's order.
    ///
    /// Names are matched here, not by the server (which only knows API feature names, so the
    /// original's server filter never matched a flat name such as `….curve.slope`): a name matches
    /// a flat name or the API feature it came from; an unknown name gives no features, not an error.
    ///
    /// - Parameters:
    ///   - device: The device (its installation, gateway and id are used).
    ///   - onlyEnabled: Only features that are enabled and ready (asked of the server and checked here).
    ///   - names: Keep only these names; `nil` for all.
    public func features(of device: ViessmannDevice, onlyEnabled: Bool = false, names: [String]? = nil)
        async throws -> [ViessmannFeature]
    {
        try Self.requireIDs([
            "installationID": device.installationID, "gatewaySerial": device.gatewaySerial, "deviceID": device.id,
        ])
        let all = try await send(
            ViessmannEndpoints.features(
                installationID: device.installationID, gatewaySerial: device.gatewaySerial, deviceID: device.id,
                onlyEnabled: onlyEnabled))
        return Self.filter(all, onlyEnabled: onlyEnabled, names: names)
    }

    /// One API feature read on its own (`GET …/features/{name}`), flattened: a curve gives `….shift`
    /// and `….slope`. Give the API feature's name, not a flat name.
    ///
    /// - Throws: `APIError` with status 404 and the `DEVICE_LEVEL_ERROR` body when the device has no such feature.
    public func feature(named apiFeatureName: String, of device: ViessmannDevice) async throws -> [ViessmannFeature] {
        try Self.requireIDs([
            "installationID": device.installationID, "gatewaySerial": device.gatewaySerial, "deviceID": device.id,
            "name": apiFeatureName,
        ])
        return try await send(
            ViessmannEndpoints.feature(
                installationID: device.installationID, gatewaySerial: device.gatewaySerial, deviceID: device.id,
                name: apiFeatureName))
    }

    /// The device with freshly read features.
    public func updateDevice(_ device: ViessmannDevice, onlyEnabled: Bool = true) async throws -> ViessmannDevice {
        device.with(features: try await features(of: device, onlyEnabled: onlyEnabled))
    }

    /// Local filtering: enabled and ready when asked, and names matching a flat or API feature name.
    static func filter(_ features: [ViessmannFeature], onlyEnabled: Bool, names: [String]?) -> [ViessmannFeature] {
        let wanted = names.map(Set.init)
        return features.filter { feature in
            if onlyEnabled, !feature.isAvailable { return false }
            guard let wanted else { return true }
            return wanted.contains(feature.name) || wanted.contains(feature.apiFeatureName)
        }
    }
}
