import AuthCore

/// What ``FlowerhubClient/readoutSequence(assetOwnerId:options:)`` gathered, step by step.
public struct ReadoutResult: Sendable {
    /// The owner id the readout used.
    public var assetOwnerId: Int
    /// The asset id discovered by this readout (never a stale stored one); `nil` when discovery failed.
    public var assetId: Int?
    /// The `withAssetId` discovery step.
    public var withAssetId: FlowerhubResult<Int>
    /// The asset step; `nil` when discovery gave no id.
    public var asset: FlowerhubResult<AssetFetch>?
    /// The uptime pie of the current month; `nil` when skipped or when it failed.
    public var uptimePie: FlowerhubResult<UptimePie>?

    /// Creates a readout result.
    public init(
        assetOwnerId: Int, assetId: Int?, withAssetId: FlowerhubResult<Int>,
        asset: FlowerhubResult<AssetFetch>?, uptimePie: FlowerhubResult<UptimePie>?
    ) {
        self.assetOwnerId = assetOwnerId
        self.assetId = assetId
        self.withAssetId = withAssetId
        self.asset = asset
        self.uptimePie = uptimePie
    }
}
