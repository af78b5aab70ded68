import Foundation

/// A sales order (`salesOrders`); `salesOrderLines` is filled when expanded.
///
/// API v2.0 field names. Every field is optional (a `$select` may leave any out) and unknown
/// members are ignored; read the record as ``ODataRecord`` for custom fields. Amounts are `Decimal`,
/// decoded from the JSON text without passing through `Double`.
public struct BCSalesOrder: Sendable, Equatable, Codable {
    /// The entity tag (`@odata.etag`), for updates and deletes.
    public var etag: ODataETag?
    /// `id`.
    public var id: String?
    /// `number`.
    public var number: String?
    /// `externalDocumentNumber`.
    public var externalDocumentNumber: String?
    /// `orderDate`.
    public var orderDate: BCDate?
    /// `postingDate`.
    public var postingDate: BCDate?
    /// `customerId`.
    public var customerId: String?
    /// `customerNumber`.
    public var customerNumber: String?
    /// `customerName`.
    public var customerName: String?
    /// `billToName`.
    public var billToName: String?
    /// `billToCustomerId`.
    public var billToCustomerId: String?
    /// `billToCustomerNumber`.
    public var billToCustomerNumber: String?
    /// `shipToName`.
    public var shipToName: String?
    /// `shipToContact`.
    public var shipToContact: String?
    /// `sellToAddressLine1`.
    public var sellToAddressLine1: String?
    /// `sellToAddressLine2`.
    public var sellToAddressLine2: String?
    /// `sellToCity`.
    public var sellToCity: String?
    /// `sellToCountry`.
    public var sellToCountry: String?
    /// `sellToState`.
    public var sellToState: String?
    /// `sellToPostCode`.
    public var sellToPostCode: String?
    /// `billToAddressLine1`.
    public var billToAddressLine1: String?
    /// `billToAddressLine2`.
    public var billToAddressLine2: String?
    /// `billToCity`.
    public var billToCity: String?
    /// `billToCountry`.
    public var billToCountry: String?
    /// `billToState`.
    public var billToState: String?
    /// `billToPostCode`.
    public var billToPostCode: String?
    /// `shipToAddressLine1`.
    public var shipToAddressLine1: String?
    /// `shipToAddressLine2`.
    public var shipToAddressLine2: String?
    /// `shipToCity`.
    public var shipToCity: String?
    /// `shipToCountry`.
    public var shipToCountry: String?
    /// `shipToState`.
    public var shipToState: String?
    /// `shipToPostCode`.
    public var shipToPostCode: String?
    /// `shortcutDimension1Code`.
    public var shortcutDimension1Code: String?
    /// `shortcutDimension2Code`.
    public var shortcutDimension2Code: String?
    /// `currencyId`.
    public var currencyId: String?
    /// `currencyCode`.
    public var currencyCode: String?
    /// `pricesIncludeTax`.
    public var pricesIncludeTax: Bool?
    /// `paymentTermsId`.
    public var paymentTermsId: String?
    /// `shipmentMethodId`.
    public var shipmentMethodId: String?
    /// `salesperson`.
    public var salesperson: String?
    /// `partialShipping`.
    public var partialShipping: Bool?
    /// `requestedDeliveryDate`.
    public var requestedDeliveryDate: BCDate?
    /// `discountAmount`.
    public var discountAmount: Decimal?
    /// `discountAppliedBeforeTax`.
    public var discountAppliedBeforeTax: Bool?
    /// `totalAmountExcludingTax`.
    public var totalAmountExcludingTax: Decimal?
    /// `totalTaxAmount`.
    public var totalTaxAmount: Decimal?
    /// `totalAmountIncludingTax`.
    public var totalAmountIncludingTax: Decimal?
    /// `fullyShipped`.
    public var fullyShipped: Bool?
    /// `status`.
    public var status: BCSalesOrderStatus?
    /// `lastModifiedDateTime`.
    public var lastModifiedDateTime: BCDateTime?
    /// `phoneNumber`.
    public var phoneNumber: String?
    /// `email`.
    public var email: String?
    /// `salesOrderLines`.
    public var salesOrderLines: [BCSalesOrderLine]?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id
        case number
        case externalDocumentNumber
        case orderDate
        case postingDate
        case customerId
        case customerNumber
        case customerName
        case billToName
        case billToCustomerId
        case billToCustomerNumber
        case shipToName
        case shipToContact
        case sellToAddressLine1
        case sellToAddressLine2
        case sellToCity
        case sellToCountry
        case sellToState
        case sellToPostCode
        case billToAddressLine1
        case billToAddressLine2
        case billToCity
        case billToCountry
        case billToState
        case billToPostCode
        case shipToAddressLine1
        case shipToAddressLine2
        case shipToCity
        case shipToCountry
        case shipToState
        case shipToPostCode
        case shortcutDimension1Code
        case shortcutDimension2Code
        case currencyId
        case currencyCode
        case pricesIncludeTax
        case paymentTermsId
        case shipmentMethodId
        case salesperson
        case partialShipping
        case requestedDeliveryDate
        case discountAmount
        case discountAppliedBeforeTax
        case totalAmountExcludingTax
        case totalTaxAmount
        case totalAmountIncludingTax
        case fullyShipped
        case status
        case lastModifiedDateTime
        case phoneNumber
        case email
        case salesOrderLines
    }

    /// Creates a value; every field defaults to absent, so a create or update body carries only what you set.
    public init(
        etag: ODataETag? = nil,
        id: String? = nil,
        number: String? = nil,
        externalDocumentNumber: String? = nil,
        orderDate: BCDate? = nil,
        postingDate: BCDate? = nil,
        customerId: String? = nil,
        customerNumber: String? = nil,
        customerName: String? = nil,
        billToName: String? = nil,
        billToCustomerId: String? = nil,
        billToCustomerNumber: String? = nil,
        shipToName: String? = nil,
        shipToContact: String? = nil,
        sellToAddressLine1: String? = nil,
        sellToAddressLine2: String? = nil,
        sellToCity: String? = nil,
        sellToCountry: String? = nil,
        sellToState: String? = nil,
        sellToPostCode: String? = nil,
        billToAddressLine1: String? = nil,
        billToAddressLine2: String? = nil,
        billToCity: String? = nil,
        billToCountry: String? = nil,
        billToState: String? = nil,
        billToPostCode: String? = nil,
        shipToAddressLine1: String? = nil,
        shipToAddressLine2: String? = nil,
        shipToCity: String? = nil,
        shipToCountry: String? = nil,
        shipToState: String? = nil,
        shipToPostCode: String? = nil,
        shortcutDimension1Code: String? = nil,
        shortcutDimension2Code: String? = nil,
        currencyId: String? = nil,
        currencyCode: String? = nil,
        pricesIncludeTax: Bool? = nil,
        paymentTermsId: String? = nil,
        shipmentMethodId: String? = nil,
        salesperson: String? = nil,
        partialShipping: Bool? = nil,
        requestedDeliveryDate: BCDate? = nil,
        discountAmount: Decimal? = nil,
        discountAppliedBeforeTax: Bool? = nil,
        totalAmountExcludingTax: Decimal? = nil,
        totalTaxAmount: Decimal? = nil,
        totalAmountIncludingTax: Decimal? = nil,
        fullyShipped: Bool? = nil,
        status: BCSalesOrderStatus? = nil,
        lastModifiedDateTime: BCDateTime? = nil,
        phoneNumber: String? = nil,
        email: String? = nil,
        salesOrderLines: [BCSalesOrderLine]? = nil
    ) {
        self.etag = etag
        self.id = id
        self.number = number
        self.externalDocumentNumber = externalDocumentNumber
        self.orderDate = orderDate
        self.postingDate = postingDate
        self.customerId = customerId
        self.customerNumber = customerNumber
        self.customerName = customerName
        self.billToName = billToName
        self.billToCustomerId = billToCustomerId
        self.billToCustomerNumber = billToCustomerNumber
        self.shipToName = shipToName
        self.shipToContact = shipToContact
        self.sellToAddressLine1 = sellToAddressLine1
        self.sellToAddressLine2 = sellToAddressLine2
        self.sellToCity = sellToCity
        self.sellToCountry = sellToCountry
        self.sellToState = sellToState
        self.sellToPostCode = sellToPostCode
        self.billToAddressLine1 = billToAddressLine1
        self.billToAddressLine2 = billToAddressLine2
        self.billToCity = billToCity
        self.billToCountry = billToCountry
        self.billToState = billToState
        self.billToPostCode = billToPostCode
        self.shipToAddressLine1 = shipToAddressLine1
        self.shipToAddressLine2 = shipToAddressLine2
        self.shipToCity = shipToCity
        self.shipToCountry = shipToCountry
        self.shipToState = shipToState
        self.shipToPostCode = shipToPostCode
        self.shortcutDimension1Code = shortcutDimension1Code
        self.shortcutDimension2Code = shortcutDimension2Code
        self.currencyId = currencyId
        self.currencyCode = currencyCode
        self.pricesIncludeTax = pricesIncludeTax
        self.paymentTermsId = paymentTermsId
        self.shipmentMethodId = shipmentMethodId
        self.salesperson = salesperson
        self.partialShipping = partialShipping
        self.requestedDeliveryDate = requestedDeliveryDate
        self.discountAmount = discountAmount
        self.discountAppliedBeforeTax = discountAppliedBeforeTax
        self.totalAmountExcludingTax = totalAmountExcludingTax
        self.totalTaxAmount = totalTaxAmount
        self.totalAmountIncludingTax = totalAmountIncludingTax
        self.fullyShipped = fullyShipped
        self.status = status
        self.lastModifiedDateTime = lastModifiedDateTime
        self.phoneNumber = phoneNumber
        self.email = email
        self.salesOrderLines = salesOrderLines
    }
}
