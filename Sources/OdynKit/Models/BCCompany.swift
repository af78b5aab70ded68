import Foundation

/// A company (`companies`). Read-only.
///
/// API v2.0 field names. Every field is optional (a `$select` may leave any out) and unknown
/// members are ignored; read the record as ``ODataRecord`` for custom fields. Amounts are `Decimal`,
/// decoded from the JSON text without passing through `Double`.
public struct BCCompany: Sendable, Equatable, Codable {
    /// The entity tag (`@odata.etag`), for updates and deletes.
    public var etag: ODataETag?
    /// `id`.
    public var id: String?
    /// `systemVersion`.
    public var systemVersion: String?
    /// `timestamp`.
    public var timestamp: Int64?
    /// `name`.
    public var name: String?
    /// `displayName`.
    public var displayName: String?
    /// `businessProfileId`.
    public var businessProfileId: String?
    /// `systemCreatedAt`.
    public var systemCreatedAt: BCDateTime?
    /// `systemCreatedBy`.
    public var systemCreatedBy: String?
    /// `systemModifiedAt`.
    public var systemModifiedAt: BCDateTime?
    /// `systemModifiedBy`.
    public var systemModifiedBy: String?

    enum CodingKeys: String, CodingKey {
        case etag = "@odata.etag"
        case id
        case systemVersion
        case timestamp
        case name
        case displayName
        case businessProfileId
        case systemCreatedAt
        case systemCreatedBy
        case systemModifiedAt
        case systemModifiedBy
    }

    /// Creates a value; every field defaults to absent, so a create or update body carries only what you set.
    public init(
        etag: ODataETag? = nil,
        id: String? = nil,
        systemVersion: String? = nil,
        timestamp: Int64? = nil,
        name: String? = nil,
        displayName: String? = nil,
        businessProfileId: String? = nil,
        systemCreatedAt: BCDateTime? = nil,
        systemCreatedBy: String? = nil,
        systemModifiedAt: BCDateTime? = nil,
        systemModifiedBy: String? = nil
    ) {
        self.etag = etag
        self.id = id
        self.systemVersion = systemVersion
        self.timestamp = timestamp
        self.name = name
        self.displayName = displayName
        self.businessProfileId = businessProfileId
        self.systemCreatedAt = systemCreatedAt
        self.systemCreatedBy = systemCreatedBy
        self.systemModifiedAt = systemModifiedAt
        self.systemModifiedBy = systemModifiedBy
    }
}
