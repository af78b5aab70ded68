import Foundation

/// A customer (`customers`).
///
/// API v2.0 field names. Every field is optional (a `$select` may leave any out) and unknown
/// members are ignored; read the record as ``ODataRecord`` for custom fields. Amounts are `Decimal`,
/// decoded from the JSON text without passing through `Double`.
public struct BCCustomer: Sendable, Equatable, Codable {
    /// The entity tag (`@odata.etag`), for updates and deletes.
    public var etag: ODataETag?
    /// `id`.
    public var id: String?
    /// `number`.
    public var number: String?
    /// `displayName`.
    public var displayName: String?
    /// `type`.
    public var type: BCCustomerType?
    /// `addressLine1`.
    public var addressLine1: String?
    /// `addressLine2`.
    public var addressLine2: String?
    /// `city`.
    public var city: String?
    /// `state`.
    public var state: String?
    /// `country`.
    public var country: String?
    /// `postalCode`.
    public var postalCode: String?
    /// `phoneNumber`.
    public var phoneNumber: String?
    /// `email`.
    public var email: String?
    /// `website`.
    public var website: String?
    /// `salespersonCode`.
    public var salespersonCode: String?
    /// `balanceDue`.
    public var balanceDue: Decimal?
    /// `creditLimit`.
    public var creditLimit: Decimal?
    /// `taxLiable`.
    public var taxLiable: Bool?
    /// `taxAreaId`.
    public var taxAreaId: String?
    /// `taxAreaDisplayName`.
    public var taxAreaDisplayName: String?
    /// `taxRegistrationNumber`.
    public var taxRegistrationNumber: String?
    /// `currencyId`.
    public var currencyId: String?
    /// `currencyCode`.
    public var currencyCode: String?
    /// `paymentTermsId`.
    public var paymentTermsId: String?
    /// `shipmentMethodId`.
    public var shipmentMethodId: String?
    /// `paymentMethodId`.
    public var paymentMethodId: String?
    /// `blocked`.
    public var blocked: BCCustomerBlocked?
    /// `lastModifiedDateTime`.
    public var lastModifiedDateTime: BCDateTime?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id
        case number
        case displayName
        case type
        case addressLine1
        case addressLine2
        case city
        case state
        case country
        case postalCode
        case phoneNumber
        case email
        case website
        case salespersonCode
        case balanceDue
        case creditLimit
        case taxLiable
        case taxAreaId
        case taxAreaDisplayName
        case taxRegistrationNumber
        case currencyId
        case currencyCode
        case paymentTermsId
        case shipmentMethodId
        case paymentMethodId
        case blocked
        case lastModifiedDateTime
    }

    /// Creates a value; every field defaults to absent, so a create or update body carries only what you set.
    public init(
        etag: ODataETag? = nil,
        id: String? = nil,
        number: String? = nil,
        displayName: String? = nil,
        type: BCCustomerType? = nil,
        addressLine1: String? = nil,
        addressLine2: String? = nil,
        city: String? = nil,
        state: String? = nil,
        country: String? = nil,
        postalCode: String? = nil,
        phoneNumber: String? = nil,
        email: String? = nil,
        website: String? = nil,
        salespersonCode: String? = nil,
        balanceDue: Decimal? = nil,
        creditLimit: Decimal? = nil,
        taxLiable: Bool? = nil,
        taxAreaId: String? = nil,
        taxAreaDisplayName: String? = nil,
        taxRegistrationNumber: String? = nil,
        currencyId: String? = nil,
        currencyCode: String? = nil,
        paymentTermsId: String? = nil,
        shipmentMethodId: String? = nil,
        paymentMethodId: String? = nil,
        blocked: BCCustomerBlocked? = nil,
        lastModifiedDateTime: BCDateTime? = nil
    ) {
        self.etag = etag
        self.id = id
        self.number = number
        self.displayName = displayName
        self.type = type
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.city = city
        self.state = state
        self.country = country
        self.postalCode = postalCode
        self.phoneNumber = phoneNumber
        self.email = email
        self.website = website
        self.salespersonCode = salespersonCode
        self.balanceDue = balanceDue
        self.creditLimit = creditLimit
        self.taxLiable = taxLiable
        self.taxAreaId = taxAreaId
        self.taxAreaDisplayName = taxAreaDisplayName
        self.taxRegistrationNumber = taxRegistrationNumber
        self.currencyId = currencyId
        self.currencyCode = currencyCode
        self.paymentTermsId = paymentTermsId
        self.shipmentMethodId = shipmentMethodId
        self.paymentMethodId = paymentMethodId
        self.blocked = blocked
        self.lastModifiedDateTime = lastModifiedDateTime
    }
}
