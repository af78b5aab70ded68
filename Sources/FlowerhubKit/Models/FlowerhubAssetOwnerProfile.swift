/// A postal address; every field may be missing.
public struct FlowerhubPostalAddress: Sendable, Equatable, Codable {
    /// The street and number.
    public var street: String?
    /// The postal code.
    public var postalCode: String?
    /// The city.
    public var city: String?

    enum CodingKeys: String, CodingKey {
        case street, postalCode, city
    }

    /// Creates an address.
    public init(street: String? = nil, postalCode: String? = nil, city: String? = nil) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
    }
}

/// The installer named in a profile.
public struct FlowerhubInstallerInfo: Sendable, Equatable, Codable {
    /// The installer id.
    public var id: Int?
    /// The installer name.
    public var name: String?
    /// The installer address (empty when missing).
    public var address: FlowerhubPostalAddress

    enum CodingKeys: String, CodingKey {
        case id, name, address
    }

    /// Creates installer info.
    public init(id: Int? = nil, name: String? = nil, address: FlowerhubPostalAddress = FlowerhubPostalAddress()) {
        self.id = id
        self.name = name
        self.address = address
    }
}

/// The asset owner's profile (`GET /asset-owner/{id}/profile`).
public struct FlowerhubAssetOwnerProfile: Sendable, Equatable, Codable {
    /// The asset owner id.
    public var id: Int
    /// The first name.
    public var firstName: String?
    /// The last name.
    public var lastName: String?
    /// The main e-mail address.
    public var mainEmail: String?
    /// The contact e-mail address, if different.
    public var contactEmail: String?
    /// The phone number.
    public var phone: String?
    /// The address (empty when missing).
    public var address: FlowerhubPostalAddress
    /// The account status, for example `"Verified"`.
    public var accountStatus: String?
    /// The installer (empty when missing).
    public var installer: FlowerhubInstallerInfo

    enum CodingKeys: String, CodingKey {
        case id, firstName, lastName, mainEmail, contactEmail, phone, address, accountStatus, installer
    }

    /// Creates a profile.
    public init(
        id: Int, firstName: String? = nil, lastName: String? = nil, mainEmail: String? = nil,
        contactEmail: String? = nil,
        phone: String? = nil, address: FlowerhubPostalAddress = FlowerhubPostalAddress(), accountStatus: String? = nil,
        installer: FlowerhubInstallerInfo = FlowerhubInstallerInfo()
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.mainEmail = mainEmail
        self.contactEmail = contactEmail
        self.phone = phone
        self.address = address
        self.accountStatus = accountStatus
        self.installer = installer
    }
}
