/// The inverter of an asset (`asset.inverter`).
public struct FlowerhubInverter: Sendable, Equatable, Codable {
    /// The manufacturer id.
    public var manufacturerId: Int?
    /// The manufacturer name, for example `"Huawei"`.
    public var manufacturerName: String?
    /// The inverter model id.
    public var inverterModelId: Int?
    /// The model name.
    public var name: String?
    /// How many battery stacks the inverter supports.
    public var numberOfBatteryStacksSupported: Int?
    /// The capacity class id.
    public var capacityId: Int?
    /// The power capacity in watts.
    public var powerCapacity: Double?

    enum CodingKeys: String, CodingKey {
        case manufacturerId, manufacturerName, inverterModelId, name, numberOfBatteryStacksSupported, capacityId,
            powerCapacity
    }

    /// Creates an inverter.
    public init(
        manufacturerId: Int? = nil, manufacturerName: String? = nil, inverterModelId: Int? = nil, name: String? = nil,
        numberOfBatteryStacksSupported: Int? = nil, capacityId: Int? = nil, powerCapacity: Double? = nil
    ) {
        self.manufacturerId = manufacturerId
        self.manufacturerName = manufacturerName
        self.inverterModelId = inverterModelId
        self.name = name
        self.numberOfBatteryStacksSupported = numberOfBatteryStacksSupported
        self.capacityId = capacityId
        self.powerCapacity = powerCapacity
    }
}

/// The battery of an asset (`asset.battery`).
public struct FlowerhubBattery: Sendable, Equatable, Codable {
    /// The manufacturer id.
    public var manufacturerId: Int?
    /// The manufacturer name.
    public var manufacturerName: String?
    /// The battery model id.
    public var batteryModelId: Int?
    /// The model name.
    public var name: String?
    /// The fewest battery modules the model takes.
    public var minNumberOfBatteryModules: Int?
    /// The most battery modules the model takes.
    public var maxNumberOfBatteryModules: Int?
    /// The capacity class id.
    public var capacityId: Int?
    /// The energy capacity (kWh).
    public var energyCapacity: Double?
    /// The power capacity in watts.
    public var powerCapacity: Double?

    enum CodingKeys: String, CodingKey {
        case manufacturerId, manufacturerName, batteryModelId, name, minNumberOfBatteryModules,
            maxNumberOfBatteryModules
        case capacityId, energyCapacity, powerCapacity
    }

    /// Creates a battery.
    public init(
        manufacturerId: Int? = nil, manufacturerName: String? = nil, batteryModelId: Int? = nil, name: String? = nil,
        minNumberOfBatteryModules: Int? = nil, maxNumberOfBatteryModules: Int? = nil, capacityId: Int? = nil,
        energyCapacity: Double? = nil, powerCapacity: Double? = nil
    ) {
        self.manufacturerId = manufacturerId
        self.manufacturerName = manufacturerName
        self.batteryModelId = batteryModelId
        self.name = name
        self.minNumberOfBatteryModules = minNumberOfBatteryModules
        self.maxNumberOfBatteryModules = maxNumberOfBatteryModules
        self.capacityId = capacityId
        self.energyCapacity = energyCapacity
        self.powerCapacity = powerCapacity
    }
}

/// The hardware of one Flowerhub installation (`GET /asset/{id}`), typed. The raw object is
/// kept as well, in ``FlowerhubAssetFetch/assetInfo``.
public struct FlowerhubAsset: Sendable, Equatable, Codable {
    /// The asset id.
    public var id: Int?
    /// The inverter, when the body has one.
    public var inverter: FlowerhubInverter?
    /// The battery, when the body has one.
    public var battery: FlowerhubBattery?
    /// The main fuse size in amperes.
    public var fuseSize: Int?
    /// Whether the installation is complete.
    public var isInstalled: Bool?

    enum CodingKeys: String, CodingKey {
        case id, inverter, battery, fuseSize, isInstalled
    }

    /// Creates an asset.
    public init(
        id: Int? = nil, inverter: FlowerhubInverter? = nil, battery: FlowerhubBattery? = nil, fuseSize: Int? = nil,
        isInstalled: Bool? = nil
    ) {
        self.id = id
        self.inverter = inverter
        self.battery = battery
        self.fuseSize = fuseSize
        self.isInstalled = isInstalled
    }
}
