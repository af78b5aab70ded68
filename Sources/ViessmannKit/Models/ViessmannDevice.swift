/// A device behind a gateway (E3) with its flat features: `"0"` is the heating system,
/// `"gateway"` the communication module.
///
/// Devices are values: ``ViessmannClient/setFeature(_:to:on:)`` and
/// ``ViessmannClient/updateDevice(_:onlyEnabled:)`` return new ones, so chain the returned device.
public struct ViessmannDevice: Sendable, Equatable, Codable {
    /// The device id (`"0"`, `"gateway"`).
    public var id: String
    /// The gateway serial it was listed under.
    public var gatewaySerial: String
    /// The installation it was listed under.
    public var installationID: String
    /// `modelId`, for example `E3_Vitocal_16`.
    public var modelID: String
    /// `deviceType`, for example `heating`, `vitoconnect`, `ventilation`.
    public var deviceType: String
    /// `Online`/`Offline`.
    public var status: String
    /// `roles`.
    public var roles: [String]
    /// The flat features, in the order the API listed them; empty until read.
    public var features: [ViessmannFeature] {
        didSet { index = Self.makeIndex(features) }
    }
    private var index: [String: Int]

    enum CodingKeys: String, CodingKey {
        case id
        case gatewaySerial
        case installationID = "installationId"
        case modelID = "modelId"
        case deviceType
        case status
        case roles
        case features
    }

    /// Creates a device.
    public init(
        id: String, gatewaySerial: String, installationID: String, modelID: String = "", deviceType: String = "",
        status: String = "", roles: [String] = [], features: [ViessmannFeature] = []
    ) {
        self.id = id
        self.gatewaySerial = gatewaySerial
        self.installationID = installationID
        self.modelID = modelID
        self.deviceType = deviceType
        self.status = status
        self.roles = roles
        self.features = features
        self.index = Self.makeIndex(features)
    }

    /// Decodes a device.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            gatewaySerial: try container.decode(String.self, forKey: .gatewaySerial),
            installationID: try container.decode(String.self, forKey: .installationID),
            modelID: try container.decodeIfPresent(String.self, forKey: .modelID) ?? "",
            deviceType: try container.decodeIfPresent(String.self, forKey: .deviceType) ?? "",
            status: try container.decodeIfPresent(String.self, forKey: .status) ?? "",
            roles: try container.decodeIfPresent([String].self, forKey: .roles) ?? [],
            features: try container.decodeIfPresent([ViessmannFeature].self, forKey: .features) ?? [])
    }

    /// Encodes a device.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(gatewaySerial, forKey: .gatewaySerial)
        try container.encode(installationID, forKey: .installationID)
        try container.encode(modelID, forKey: .modelID)
        try container.encode(deviceType, forKey: .deviceType)
        try container.encode(status, forKey: .status)
        try container.encode(roles, forKey: .roles)
        try container.encode(features, forKey: .features)
    }

    /// Equal when every field and feature is.
    public static func == (lhs: ViessmannDevice, rhs: ViessmannDevice) -> Bool {
        lhs.id == rhs.id && lhs.gatewaySerial == rhs.gatewaySerial && lhs.installationID == rhs.installationID
            && lhs.modelID == rhs.modelID && lhs.deviceType == rhs.deviceType && lhs.status == rhs.status
            && lhs.roles == rhs.roles && lhs.features == rhs.features
    }

    /// The feature with this flat name, or `nil`.
    public func feature(named name: String) -> ViessmannFeature? {
        index[name].map { features[$0] }
    }

    /// The features that have a command writing them.
    public var writableFeatures: [ViessmannFeature] { features.filter(\.isWritable) }

    /// This device with other features.
    public func with(features: [ViessmannFeature]) -> ViessmannDevice {
        var copy = self
        copy.features = features
        return copy
    }

    private static func makeIndex(_ features: [ViessmannFeature]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: features.count)
        for (offset, feature) in features.enumerated() { index[feature.name] = offset }
        return index
    }
}
