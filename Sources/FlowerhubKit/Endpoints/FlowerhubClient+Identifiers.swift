extension FlowerhubClient {
    /// The given or stored owner id, or an ``FlowerhubError/Code/invalidArgument`` error before
    /// any request. (The original treated `0` as missing; here zero and negatives are refused.)
    func resolveOwnerId(_ id: Int?) throws -> Int {
        if let id {
            guard id > 0 else {
                throw FlowerhubError.invalidArgument("asset_owner_id must be a positive integer, got \(id)")
            }
            return id
        }
        guard let stored = owner.assetOwnerId, stored > 0 else {
            throw FlowerhubError.invalidArgument(
                "asset_owner_id is required: log in first, or pass or set an asset owner id")
        }
        return stored
    }

    /// The given or stored asset id, or an ``FlowerhubError/Code/invalidArgument`` error before any request.
    func resolveAssetId(_ id: Int?) throws -> Int {
        if let id {
            guard id > 0 else { throw FlowerhubError.invalidArgument("asset_id must be a positive integer, got \(id)") }
            return id
        }
        guard let stored = assetId, stored > 0 else {
            throw FlowerhubError.invalidArgument(
                "asset_id is required: call fetchAssetId() first, or pass or set an asset id")
        }
        return stored
    }
}
