import Foundation

/// An item (`items`).
///
/// API v2.0 field names. Every field is optional (a `$select` may leave any out) and unknown
/// members are ignored; read the record as ``ODataRecord`` for custom fields. Amounts are `Decimal`,
/// decoded from the JSON text without passing through `Double`.
public struct BCItem: Sendable, Equatable, Codable {
    /// The entity tag (`@odata.etag`), for updates and deletes.
    public var etag: ODataETag?
    /// `id`.
    public var id: String?
    /// `number`.
    public var number: String?
    /// `displayName`.
    public var displayName: String?
    /// `type`.
    public var type: BCItemType?
    /// `itemCategoryId`.
    public var itemCategoryId: String?
    /// `itemCategoryCode`.
    public var itemCategoryCode: String?
    /// `blocked`.
    public var blocked: Bool?
    /// `gtin`.
    public var gtin: String?
    /// `inventory`.
    public var inventory: Decimal?
    /// `unitPrice`.
    public var unitPrice: Decimal?
    /// `priceIncludesTax`.
    public var priceIncludesTax: Bool?
    /// `unitCost`.
    public var unitCost: Decimal?
    /// `taxGroupId`.
    public var taxGroupId: String?
    /// `taxGroupCode`.
    public var taxGroupCode: String?
    /// `baseUnitOfMeasureId`.
    public var baseUnitOfMeasureId: String?
    /// `baseUnitOfMeasureCode`.
    public var baseUnitOfMeasureCode: String?
    /// `generalProductPostingGroupId`.
    public var generalProductPostingGroupId: String?
    /// `generalProductPostingGroupCode`.
    public var generalProductPostingGroupCode: String?
    /// `inventoryPostingGroupId`.
    public var inventoryPostingGroupId: String?
    /// `inventoryPostingGroupCode`.
    public var inventoryPostingGroupCode: String?
    /// `lastModifiedDateTime`.
    public var lastModifiedDateTime: BCDateTime?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id
        case number
        case displayName
        case type
        case itemCategoryId
        case itemCategoryCode
        case blocked
        case gtin
        case inventory
        case unitPrice
        case priceIncludesTax
        case unitCost
        case taxGroupId
        case taxGroupCode
        case baseUnitOfMeasureId
        case baseUnitOfMeasureCode
        case generalProductPostingGroupId
        case generalProductPostingGroupCode
        case inventoryPostingGroupId
        case inventoryPostingGroupCode
        case lastModifiedDateTime
    }

    /// Creates a value; every field defaults to absent, so a create or update body carries only what you set.
    public init(
        etag: ODataETag? = nil,
        id: String? = nil,
        number: String? = nil,
        displayName: String? = nil,
        type: BCItemType? = nil,
        itemCategoryId: String? = nil,
        itemCategoryCode: String? = nil,
        blocked: Bool? = nil,
        gtin: String? = nil,
        inventory: Decimal? = nil,
        unitPrice: Decimal? = nil,
        priceIncludesTax: Bool? = nil,
        unitCost: Decimal? = nil,
        taxGroupId: String? = nil,
        taxGroupCode: String? = nil,
        baseUnitOfMeasureId: String? = nil,
        baseUnitOfMeasureCode: String? = nil,
        generalProductPostingGroupId: String? = nil,
        generalProductPostingGroupCode: String? = nil,
        inventoryPostingGroupId: String? = nil,
        inventoryPostingGroupCode: String? = nil,
        lastModifiedDateTime: BCDateTime? = nil
    ) {
        self.etag = etag
        self.id = id
        self.number = number
        self.displayName = displayName
        self.type = type
        self.itemCategoryId = itemCategoryId
        self.itemCategoryCode = itemCategoryCode
        self.blocked = blocked
        self.gtin = gtin
        self.inventory = inventory
        self.unitPrice = unitPrice
        self.priceIncludesTax = priceIncludesTax
        self.unitCost = unitCost
        self.taxGroupId = taxGroupId
        self.taxGroupCode = taxGroupCode
        self.baseUnitOfMeasureId = baseUnitOfMeasureId
        self.baseUnitOfMeasureCode = baseUnitOfMeasureCode
        self.generalProductPostingGroupId = generalProductPostingGroupId
        self.generalProductPostingGroupCode = generalProductPostingGroupCode
        self.inventoryPostingGroupId = inventoryPostingGroupId
        self.inventoryPostingGroupCode = inventoryPostingGroupCode
        self.lastModifiedDateTime = lastModifiedDateTime
    }
}
