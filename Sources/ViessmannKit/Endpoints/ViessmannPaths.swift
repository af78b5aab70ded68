import AuthCore

/// The API's paths, relative to the API base, with every id encoded as one path segment.
enum ViessmannPaths {
    static let installations = "iot/v2/equipment/installations"
    static let gateways = "iot/v2/equipment/gateways"
    static let analytics = "iot/v1/analytics-api/dataLake/chronos/v0/thermal_energy"

    static func devices(installationID: String, gatewaySerial: String) -> String {
        "iot/v2/equipment/installations/\(segment(installationID))/gateways/\(segment(gatewaySerial))/devices"
    }

    static func deviceFeatures(installationID: String, gatewaySerial: String, deviceID: String) -> String {
        "iot/v2/features/installations/\(segment(installationID))/gateways/\(segment(gatewaySerial))"
            + "/devices/\(segment(deviceID))/features"
    }

    static func featuresFilter(installationID: String, gatewaySerial: String, deviceID: String) -> String {
        deviceFeatures(installationID: installationID, gatewaySerial: gatewaySerial, deviceID: deviceID) + "/filter"
    }

    static func feature(installationID: String, gatewaySerial: String, deviceID: String, name: String) -> String {
        deviceFeatures(installationID: installationID, gatewaySerial: gatewaySerial, deviceID: deviceID) + "/"
            + segment(name)
    }

    static func gatewayFeaturesFilter(installationID: String, gatewaySerial: String) -> String {
        "iot/v2/features/installations/\(segment(installationID))/gateways/\(segment(gatewaySerial))/features/filter"
    }

    static func events(installationID: String) -> String {
        "iot/v2/events-history/installations/\(segment(installationID))/events"
    }

    private static func segment(_ text: String) -> String {
        URLEncoding.pathSegment(text)
    }
}
