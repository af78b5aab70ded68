import Foundation

/// A sales order line (`salesOrderLines`).
///
/// API v2.0 field names. Every field is optional (a `$select` may leave any out) and unknown
/// members are ignored; read the record as ``ODataRecord`` for custom fields. Amounts are `Decimal`,
/// decoded from the JSON text without passing through `Double`.
public struct BCSalesOrderLine: Sendable, Equatable, Codable {
    /// The entity tag (`@odata.etag`), for updates and deletes.
    public var etag: ODataETag?
    /// `id`.
    public var id: String?
    /// `documentId`.
    public var documentId: String?
    /// `sequence`.
    public var sequence: Int?
    /// `itemId`.
    public var itemId: String?
    /// `accountId`.
    public var accountId: String?
    /// `lineType`.
    public var lineType: BCSalesLineType?
    /// `lineObjectNumber`.
    public var lineObjectNumber: String?
    /// `description`.
    public var description: String?
    /// `unitOfMeasureId`.
    public var unitOfMeasureId: String?
    /// `unitOfMeasureCode`.
    public var unitOfMeasureCode: String?
    /// `quantity`.
    public var quantity: Decimal?
    /// `unitPrice`.
    public var unitPrice: Decimal?
    /// `discountAmount`.
    public var discountAmount: Decimal?
    /// `discountPercent`.
    public var discountPercent: Decimal?
    /// `discountAppliedBeforeTax`.
    public var discountAppliedBeforeTax: Bool?
    /// `amountExcludingTax`.
    public var amountExcludingTax: Decimal?
    /// `taxCode`.
    public var taxCode: String?
    /// `taxPercent`.
    public var taxPercent: Decimal?
    /// `totalTaxAmount`.
    public var totalTaxAmount: Decimal?
    /// `amountIncludingTax`.
    public var amountIncludingTax: Decimal?
    /// `invoiceDiscountAllocation`.
    public var invoiceDiscountAllocation: Decimal?
    /// `netAmount`.
    public var netAmount: Decimal?
    /// `netTaxAmount`.
    public var netTaxAmount: Decimal?
    /// `netAmountIncludingTax`.
    public var netAmountIncludingTax: Decimal?
    /// `shipmentDate`.
    public var shipmentDate: BCDate?
    /// `shippedQuantity`.
    public var shippedQuantity: Decimal?
    /// `invoicedQuantity`.
    public var invoicedQuantity: Decimal?
    /// `invoiceQuantity`.
    public var invoiceQuantity: Decimal?
    /// `shipQuantity`.
    public var shipQuantity: Decimal?
    /// `itemVariantId`.
    public var itemVariantId: String?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id
        case documentId
        case sequence
        case itemId
        case accountId
        case lineType
        case lineObjectNumber
        case description
        case unitOfMeasureId
        case unitOfMeasureCode
        case quantity
        case unitPrice
        case discountAmount
        case discountPercent
        case discountAppliedBeforeTax
        case amountExcludingTax
        case taxCode
        case taxPercent
        case totalTaxAmount
        case amountIncludingTax
        case invoiceDiscountAllocation
        case netAmount
        case netTaxAmount
        case netAmountIncludingTax
        case shipmentDate
        case shippedQuantity
        case invoicedQuantity
        case invoiceQuantity
        case shipQuantity
        case itemVariantId
    }

    /// Creates a value; every field defaults to absent, so a create or update body carries only what you set.
    public init(
        etag: ODataETag? = nil,
        id: String? = nil,
        documentId: String? = nil,
        sequence: Int? = nil,
        itemId: String? = nil,
        accountId: String? = nil,
        lineType: BCSalesLineType? = nil,
        lineObjectNumber: String? = nil,
        description: String? = nil,
        unitOfMeasureId: String? = nil,
        unitOfMeasureCode: String? = nil,
        quantity: Decimal? = nil,
        unitPrice: Decimal? = nil,
        discountAmount: Decimal? = nil,
        discountPercent: Decimal? = nil,
        discountAppliedBeforeTax: Bool? = nil,
        amountExcludingTax: Decimal? = nil,
        taxCode: String? = nil,
        taxPercent: Decimal? = nil,
        totalTaxAmount: Decimal? = nil,
        amountIncludingTax: Decimal? = nil,
        invoiceDiscountAllocation: Decimal? = nil,
        netAmount: Decimal? = nil,
        netTaxAmount: Decimal? = nil,
        netAmountIncludingTax: Decimal? = nil,
        shipmentDate: BCDate? = nil,
        shippedQuantity: Decimal? = nil,
        invoicedQuantity: Decimal? = nil,
        invoiceQuantity: Decimal? = nil,
        shipQuantity: Decimal? = nil,
        itemVariantId: String? = nil
    ) {
        self.etag = etag
        self.id = id
        self.documentId = documentId
        self.sequence = sequence
        self.itemId = itemId
        self.accountId = accountId
        self.lineType = lineType
        self.lineObjectNumber = lineObjectNumber
        self.description = description
        self.unitOfMeasureId = unitOfMeasureId
        self.unitOfMeasureCode = unitOfMeasureCode
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discountAmount = discountAmount
        self.discountPercent = discountPercent
        self.discountAppliedBeforeTax = discountAppliedBeforeTax
        self.amountExcludingTax = amountExcludingTax
        self.taxCode = taxCode
        self.taxPercent = taxPercent
        self.totalTaxAmount = totalTaxAmount
        self.amountIncludingTax = amountIncludingTax
        self.invoiceDiscountAllocation = invoiceDiscountAllocation
        self.netAmount = netAmount
        self.netTaxAmount = netTaxAmount
        self.netAmountIncludingTax = netAmountIncludingTax
        self.shipmentDate = shipmentDate
        self.shippedQuantity = shippedQuantity
        self.invoicedQuantity = invoicedQuantity
        self.invoiceQuantity = invoiceQuantity
        self.shipQuantity = shipQuantity
        self.itemVariantId = itemVariantId
    }
}
