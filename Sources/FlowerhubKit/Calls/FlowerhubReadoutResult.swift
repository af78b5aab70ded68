import AuthCore

/// What ``FlowerhubClient/readoutSequenceResult(assetOwnerId:options:)`` gathered, step by step,
/// each step with its own status and error (the original library's readout dictionary).
public struct FlowerhubReadoutResult: Sendable {
    /// The owner id the readout used.
    public var assetOwnerId: Int
    /// The asset id discovered by this readout (never a stale stored one); `nil` when discovery failed.
    public var assetId: Int?
    /// The `withAssetId` discovery step.
    public var withAssetId: FlowerhubResult<Int>
    /// The asset step; `nil` when discovery gave no id.
    public var asset: FlowerhubResult<FlowerhubAssetFetch>?
    /// The uptime pie of the current month; `nil` when skipped or when it threw.
    public var uptimePie: FlowerhubResult<FlowerhubUptimePie>?

    /// Creates a readout result.
    public init(
        assetOwnerId: Int, assetId: Int?, withAssetId: FlowerhubResult<Int>,
        asset: FlowerhubResult<FlowerhubAssetFetch>?, uptimePie: FlowerhubResult<FlowerhubUptimePie>?
    ) {
        self.assetOwnerId = assetOwnerId
        self.assetId = assetId
        self.withAssetId = withAssetId
        self.asset = asset
        self.uptimePie = uptimePie
    }
}
