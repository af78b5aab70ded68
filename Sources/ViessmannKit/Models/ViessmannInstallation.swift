import AuthCore

/// An installation (E1, `GET /iot/v2/equipment/installations`): one heating site.
public struct ViessmannInstallation: Sendable, Equatable, Codable {
    /// The id; the API sends a number, kept as text.
    public var id: String
    /// The description the owner gave it.
    public var description: String
    /// The alias; `""` when absent.
    public var alias: String
    /// The address object as sent (`street`, `houseNumber`, `zip`, `city`, `country`, `geolocation`…).
    public var address: [String: JSONValue]
    /// `aggregatedStatus`, for example `WorksProperly`.
    public var aggregatedStatus: String?
    /// `installationType`, for example `Residential`.
    public var installationType: String?
    /// `registeredAt`, as sent (ISO 8601).
    public var registeredAt: String?
    /// `updatedAt`, as sent (ISO 8601).
    public var updatedAt: String?
    /// `accessLevel`.
    public var accessLevel: String?
    /// `ownershipType`.
    public var ownershipType: String?
    /// `brand`.
    public var brand: String?

    enum CodingKeys: String, CodingKey {
        case id
        case description
        case alias
        case address
        case aggregatedStatus
        case installationType
        case registeredAt
        case updatedAt
        case accessLevel
        case ownershipType
        case brand
    }

    /// Creates an installation.
    public init(
        id: String, description: String, alias: String = "", address: [String: JSONValue] = [:],
        aggregatedStatus: String? = nil, installationType: String? = nil, registeredAt: String? = nil,
        updatedAt: String? = nil, accessLevel: String? = nil, ownershipType: String? = nil, brand: String? = nil
    ) {
        self.id = id
        self.description = description
        self.alias = alias
        self.address = address
        self.aggregatedStatus = aggregatedStatus
        self.installationType = installationType
        self.registeredAt = registeredAt
        self.updatedAt = updatedAt
        self.accessLevel = accessLevel
        self.ownershipType = ownershipType
        self.brand = brand
    }

    /// `address.city`, if present.
    public var city: String? { address["city"]?.stringValue }
}
