import AuthCore

/// What a successful `GET /asset/{id}` yields: the raw object, its typed reading and the status.
public struct FlowerhubAssetFetch: Sendable, Equatable, Codable {
    /// The asset object exactly as the portal sent it.
    public var assetInfo: [String: JSONValue]
    /// The typed reading of ``assetInfo``.
    public var asset: FlowerhubAsset
    /// The validated status, stamped with the client's clock.
    public var flowerhubStatus: FlowerhubStatus

    enum CodingKeys: String, CodingKey {
        case assetInfo = "asset_info"
        case asset
        case flowerhubStatus = "flowerhub_status"
    }

    /// Creates an asset fetch.
    public init(assetInfo: [String: JSONValue], asset: FlowerhubAsset, flowerhubStatus: FlowerhubStatus) {
        self.assetInfo = assetInfo
        self.asset = asset
        self.flowerhubStatus = flowerhubStatus
    }
}
