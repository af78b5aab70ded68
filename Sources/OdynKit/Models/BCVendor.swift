import Foundation

/// A vendor (`vendors`).
///
/// API v2.0 field names. Every field is optional (a `$select` may leave any out) and unknown
/// members are ignored; read the record as ``ODataRecord`` for custom fields. Amounts are `Decimal`,
/// decoded from the JSON text without passing through `Double`.
public struct BCVendor: Sendable, Equatable, Codable {
    /// The entity tag (`@odata.etag`), for updates and deletes.
    public var etag: ODataETag?
    /// `id`.
    public var id: String?
    /// `number`.
    public var number: String?
    /// `displayName`.
    public var displayName: String?
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
    /// `taxRegistrationNumber`.
    public var taxRegistrationNumber: String?
    /// `currencyId`.
    public var currencyId: String?
    /// `currencyCode`.
    public var currencyCode: String?
    /// `irs1099Code`.
    public var irs1099Code: String?
    /// `paymentTermsId`.
    public var paymentTermsId: String?
    /// `paymentMethodId`.
    public var paymentMethodId: String?
    /// `taxLiable`.
    public var taxLiable: Bool?
    /// `blocked`.
    public var blocked: BCVendorBlocked?
    /// `balance`.
    public var balance: Decimal?
    /// `lastModifiedDateTime`.
    public var lastModifiedDateTime: BCDateTime?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id
        case number
        case displayName
        case addressLine1
        case addressLine2
        case city
        case state
        case country
        case postalCode
        case phoneNumber
        case email
        case website
        case taxRegistrationNumber
        case currencyId
        case currencyCode
        case irs1099Code
        case paymentTermsId
        case paymentMethodId
        case taxLiable
        case blocked
        case balance
        case lastModifiedDateTime
    }

    /// Creates a value; every field defaults to absent, so a create or update body carries only what you set.
    public init(
        etag: ODataETag? = nil,
        id: String? = nil,
        number: String? = nil,
        displayName: String? = nil,
        addressLine1: String? = nil,
        addressLine2: String? = nil,
        city: String? = nil,
        state: String? = nil,
        country: String? = nil,
        postalCode: String? = nil,
        phoneNumber: String? = nil,
        email: String? = nil,
        website: String? = nil,
        taxRegistrationNumber: String? = nil,
        currencyId: String? = nil,
        currencyCode: String? = nil,
        irs1099Code: String? = nil,
        paymentTermsId: String? = nil,
        paymentMethodId: String? = nil,
        taxLiable: Bool? = nil,
        blocked: BCVendorBlocked? = nil,
        balance: Decimal? = nil,
        lastModifiedDateTime: BCDateTime? = nil
    ) {
        self.etag = etag
        self.id = id
        self.number = number
        self.displayName = displayName
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.city = city
        self.state = state
        self.country = country
        self.postalCode = postalCode
        self.phoneNumber = phoneNumber
        self.email = email
        self.website = website
        self.taxRegistrationNumber = taxRegistrationNumber
        self.currencyId = currencyId
        self.currencyCode = currencyCode
        self.irs1099Code = irs1099Code
        self.paymentTermsId = paymentTermsId
        self.paymentMethodId = paymentMethodId
        self.taxLiable = taxLiable
        self.blocked = blocked
        self.balance = balance
        self.lastModifiedDateTime = lastModifiedDateTime
    }
}
