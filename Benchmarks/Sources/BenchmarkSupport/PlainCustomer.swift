import Foundation

/// The yardstick for ``CustomerPage``: a struct with the fields of OdynKit's `BCCustomer`,
/// in plain types and with a synthesized `Codable` conformance (option values, dates and the
/// entity tag as `String`, amounts as `Decimal`, as the typed entity keeps them exact).
public struct PlainCustomer: Codable, Sendable {
    public var etag: String?
    public var id: String?
    public var number: String?
    public var displayName: String?
    public var type: String?
    public var addressLine1: String?
    public var addressLine2: String?
    public var city: String?
    public var state: String?
    public var country: String?
    public var postalCode: String?
    public var phoneNumber: String?
    public var email: String?
    public var website: String?
    public var salespersonCode: String?
    public var balanceDue: Decimal?
    public var creditLimit: Decimal?
    public var taxLiable: Bool?
    public var taxAreaId: String?
    public var taxAreaDisplayName: String?
    public var taxRegistrationNumber: String?
    public var currencyId: String?
    public var currencyCode: String?
    public var paymentTermsId: String?
    public var shipmentMethodId: String?
    public var paymentMethodId: String?
    public var blocked: String?
    public var lastModifiedDateTime: String?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id, number, displayName, type, addressLine1, addressLine2, city, state, country, postalCode
        case phoneNumber, email, website, salespersonCode, balanceDue, creditLimit, taxLiable, taxAreaId
        case taxAreaDisplayName, taxRegistrationNumber, currencyId, currencyCode, paymentTermsId
        case shipmentMethodId, paymentMethodId, blocked, lastModifiedDateTime
    }
}

/// The yardstick for ``SalesOrderLinePage``: the fields of OdynKit's `BCSalesOrderLine` in plain
/// types, as ``PlainCustomer``.
public struct PlainSalesOrderLine: Codable, Sendable {
    public var etag: String?
    public var id: String?
    public var documentId: String?
    public var sequence: Int?
    public var itemId: String?
    public var accountId: String?
    public var lineType: String?
    public var lineObjectNumber: String?
    public var description: String?
    public var unitOfMeasureId: String?
    public var unitOfMeasureCode: String?
    public var quantity: Decimal?
    public var unitPrice: Decimal?
    public var discountAmount: Decimal?
    public var discountPercent: Decimal?
    public var discountAppliedBeforeTax: Bool?
    public var amountExcludingTax: Decimal?
    public var taxCode: String?
    public var taxPercent: Decimal?
    public var totalTaxAmount: Decimal?
    public var amountIncludingTax: Decimal?
    public var invoiceDiscountAllocation: Decimal?
    public var netAmount: Decimal?
    public var netTaxAmount: Decimal?
    public var netAmountIncludingTax: Decimal?
    public var shipmentDate: String?
    public var shippedQuantity: Decimal?
    public var invoicedQuantity: Decimal?
    public var invoiceQuantity: Decimal?
    public var shipQuantity: Decimal?
    public var itemVariantId: String?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id, documentId, sequence, itemId, accountId, lineType, lineObjectNumber, description
        case unitOfMeasureId, unitOfMeasureCode, quantity, unitPrice, discountAmount, discountPercent
        case discountAppliedBeforeTax, amountExcludingTax, taxCode, taxPercent, totalTaxAmount
        case amountIncludingTax, invoiceDiscountAllocation, netAmount, netTaxAmount, netAmountIncludingTax
        case shipmentDate, shippedQuantity, invoicedQuantity, invoiceQuantity, shipQuantity, itemVariantId
    }
}

/// A collection page: `{"value": [...]}`, every other member ignored.
public struct ValuePage<Record: Decodable & Sendable>: Decodable, Sendable {
    /// The records.
    public let value: [Record]
}
