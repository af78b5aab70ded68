/// An installer reference (id and name).
public struct FlowerhubSimpleInstaller: Sendable, Equatable, Codable {
    /// The installer id.
    public var id: Int?
    /// The installer name.
    public var name: String?

    enum CodingKeys: String, CodingKey {
        case id, name
    }

    /// Creates an installer reference.
    public init(id: Int? = nil, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// A distributor reference (id and name).
public struct FlowerhubSimpleDistributor: Sendable, Equatable, Codable {
    /// The distributor id.
    public var id: Int?
    /// The distributor name.
    public var name: String?

    enum CodingKeys: String, CodingKey {
        case id, name
    }

    /// Creates a distributor reference.
    public init(id: Int? = nil, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// The model of a Flowerhub unit.
public struct FlowerhubAssetModel: Sendable, Equatable, Codable {
    /// The model id.
    public var id: Int?
    /// The model name.
    public var name: String?
    /// The manufacturer name.
    public var manufacturer: String?

    enum CodingKeys: String, CodingKey {
        case id, name, manufacturer
    }

    /// Creates an asset model.
    public init(id: Int? = nil, name: String? = nil, manufacturer: String? = nil) {
        self.id = id
        self.name = name
        self.manufacturer = manufacturer
    }
}

/// The asset as summarised in the owner details.
public struct FlowerhubAssetInfo: Sendable, Equatable, Codable {
    /// The asset id.
    public var id: Int?
    /// The serial number.
    public var serialNumber: String?
    /// The model (empty when missing).
    public var assetModel: FlowerhubAssetModel

    enum CodingKeys: String, CodingKey {
        case id, serialNumber, assetModel
    }

    /// Creates asset info.
    public init(id: Int? = nil, serialNumber: String? = nil, assetModel: FlowerhubAssetModel = FlowerhubAssetModel()) {
        self.id = id
        self.serialNumber = serialNumber
        self.assetModel = assetModel
    }
}

/// The owner's compensation status.
public struct FlowerhubCompensation: Sendable, Equatable, Codable {
    /// The status, for example `"Qualified"`.
    public var status: String?
    /// The message.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case status, message
    }

    /// Creates a compensation status.
    public init(status: String? = nil, message: String? = nil) {
        self.status = status
        self.message = message
    }
}

/// The asset owner (`GET /asset-owner/{id}`).
public struct FlowerhubAssetOwnerDetails: Sendable, Equatable, Codable {
    /// The asset owner id.
    public var id: Int
    /// The first name.
    public var firstName: String?
    /// The last name.
    public var lastName: String?
    /// The installer (empty when missing).
    public var installer: FlowerhubSimpleInstaller
    /// The distributor (empty when missing).
    public var distributor: FlowerhubSimpleDistributor
    /// The asset (empty when missing).
    public var asset: FlowerhubAssetInfo
    /// The compensation status (empty when missing).
    public var compensation: FlowerhubCompensation
    /// When battery compensation started (`YYYY-MM-DD`).
    public var bessCompensationStartDate: String?

    enum CodingKeys: String, CodingKey {
        case id, firstName, lastName, installer, distributor, asset, compensation, bessCompensationStartDate
    }

    /// Creates owner details.
    public init(
        id: Int, firstName: String? = nil, lastName: String? = nil,
        installer: FlowerhubSimpleInstaller = FlowerhubSimpleInstaller(),
        distributor: FlowerhubSimpleDistributor = FlowerhubSimpleDistributor(),
        asset: FlowerhubAssetInfo = FlowerhubAssetInfo(),
        compensation: FlowerhubCompensation = FlowerhubCompensation(), bessCompensationStartDate: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.installer = installer
        self.distributor = distributor
        self.asset = asset
        self.compensation = compensation
        self.bessCompensationStartDate = bessCompensationStartDate
    }
}
