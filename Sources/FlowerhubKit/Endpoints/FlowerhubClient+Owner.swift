import AuthCore

extension FlowerhubClient {
    /// The owner's electricity agreement (`GET /asset-owner/{id}/electricity-agreement`).
    /// A side that is not an object is `nil`; ids are read leniently; dates stay text.
    ///
    /// - Parameter assetOwnerId: The owner; `nil` uses ``assetOwnerId``.
    public func fetchElectricityAgreement(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = .throwing)
        async throws -> FlowerhubResult<ElectricityAgreement>
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.electricityAgreement(owner: owner)), options: options,
            defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try AgreementParser.agreement(json)
        }
    }

    /// The owner's invoices (`GET /asset-owner/{id}/invoice`), with their lines and per-site
    /// sub-invoices. `null` values count as missing (no `"None"` text, no crash on `null` lists).
    public func fetchInvoices(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<[Invoice]>
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.invoices(owner: owner)), options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try InvoiceParser.invoices(json) }
    }

    /// The owner's consumption (`GET /asset-owner/{id}/consumption`); volumes and type ids are read leniently.
    public func fetchConsumption(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<[ConsumptionRecord]>
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.consumption(owner: owner)), options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try ConsumptionParser.records(json)
        }
    }

    /// The owner's profile (`GET /asset-owner/{id}/profile`). The `id` is required ("missing or invalid id").
    public func fetchAssetOwnerProfile(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<AssetOwnerProfile>
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.profile(owner: owner)), options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try OwnerParsers.profile(json) }
    }

    /// The owner's details (`GET /asset-owner/{id}`). The `id` is required ("missing or invalid id").
    public func fetchAssetOwner(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<AssetOwnerDetails>
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.assetOwner(owner)), options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try OwnerParsers.details(json) }
    }
}
