/// What ``FlowerhubClient/readoutSequence(assetOwnerId:options:)`` gathered.
public struct FlowerhubReadout: Sendable, Equatable, Codable {
    /// The owner id the readout used.
    public var assetOwnerId: Int
    /// The asset id this readout discovered (never a stale stored one); `nil` when the portal
    /// answered `"assetId": null`.
    public var assetId: Int?
    /// The asset; `nil` when discovery gave no id.
    public var asset: FlowerhubAssetFetch?
    /// The uptime pie of the current month; `nil` when skipped or when it failed.
    public var uptimePie: FlowerhubUptimePie?

    enum CodingKeys: String, CodingKey {
        case assetOwnerId = "asset_owner_id"
        case assetId = "asset_id"
        case asset
        case uptimePie = "uptime_pie"
    }

    /// Creates a readout.
    public init(
        assetOwnerId: Int, assetId: Int?, asset: FlowerhubAssetFetch?, uptimePie: FlowerhubUptimePie?
    ) {
        self.assetOwnerId = assetOwnerId
        self.assetId = assetId
        self.asset = asset
        self.uptimePie = uptimePie
    }
}
