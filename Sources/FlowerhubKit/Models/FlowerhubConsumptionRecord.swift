/// One consumption reading (`GET /asset-owner/{id}/consumption`).
public struct FlowerhubConsumptionRecord: Sendable, Equatable, Codable {
    /// The grid site id; `""` when missing.
    public var siteId: String
    /// The first day (`YYYY-MM-DD`); `""` when missing.
    public var validFrom: String
    /// The last day, `nil` when open (missing, `null` or empty).
    public var validTo: String?
    /// The invoiced month (`YYYY-MM-DD`); `""` when missing.
    public var invoicedMonth: String
    /// The volume in kWh; `nil` when it is not a plain number (`"12,5"`).
    public var volume: Double?
    /// `"Reading"` or `"Calculated"`; `""` when missing.
    public var type: String
    /// The type id.
    public var typeId: Int?

    enum CodingKeys: String, CodingKey {
        case siteId = "site_id"
        case validFrom = "valid_from"
        case validTo = "valid_to"
        case invoicedMonth = "invoiced_month"
        case volume, type
        case typeId = "type_id"
    }

    /// Creates a record.
    public init(
        siteId: String = "", validFrom: String = "", validTo: String? = nil, invoicedMonth: String = "",
        volume: Double? = nil, type: String = "", typeId: Int? = nil
    ) {
        self.siteId = siteId
        self.validFrom = validFrom
        self.validTo = validTo
        self.invoicedMonth = invoicedMonth
        self.volume = volume
        self.type = type
        self.typeId = typeId
    }
}
