import AuthCore

extension FlowerhubClient {
    /// The owner's electricity agreement (`GET /asset-owner/{id}/electricity-agreement`).
    /// A side that is not an object is `nil`; ids are read leniently; dates stay text.
    ///
    /// - Parameters:
    ///   - assetOwnerId: The owner; `nil` uses ``assetOwnerId``.
    ///   - options: Retries and time limit for this call.
    public func fetchElectricityAgreement(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubElectricityAgreement {
        let endpoint = FlowerhubEndpoints.electricityAgreement(owner: try resolveOwnerId(assetOwnerId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchElectricityAgreement(assetOwnerId:options:)`` returning HTTP and payload errors in the result.
    public func fetchElectricityAgreementResult(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<FlowerhubElectricityAgreement> {
        let endpoint = FlowerhubEndpoints.electricityAgreement(owner: try resolveOwnerId(assetOwnerId))
        return try await result(of: exchange(endpoint, options: options))
    }

    /// The owner's invoices (`GET /asset-owner/{id}/invoice`), with their lines and per-site
    /// sub-invoices. `null` values count as missing (no `"None"` text, no crash on `null` lists).
    public func fetchInvoices(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> [FlowerhubInvoice]
    {
        let endpoint = FlowerhubEndpoints.invoices(owner: try resolveOwnerId(assetOwnerId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchInvoices(assetOwnerId:options:)`` returning HTTP and payload errors in the result.
    public func fetchInvoicesResult(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> FlowerhubResult<[FlowerhubInvoice]>
    {
        let endpoint = FlowerhubEndpoints.invoices(owner: try resolveOwnerId(assetOwnerId))
        return try await result(of: exchange(endpoint, options: options))
    }

    /// The owner's consumption (`GET /asset-owner/{id}/consumption`); volumes and type ids are read leniently.
    public func fetchConsumption(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> [FlowerhubConsumptionRecord]
    {
        let endpoint = FlowerhubEndpoints.consumption(owner: try resolveOwnerId(assetOwnerId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchConsumption(assetOwnerId:options:)`` returning HTTP and payload errors in the result.
    public func fetchConsumptionResult(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<[FlowerhubConsumptionRecord]> {
        let endpoint = FlowerhubEndpoints.consumption(owner: try resolveOwnerId(assetOwnerId))
        return try await result(of: exchange(endpoint, options: options))
    }

    /// The owner's profile (`GET /asset-owner/{id}/profile`). The `id` is required ("missing or invalid id").
    public func fetchAssetOwnerProfile(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubAssetOwnerProfile {
        let endpoint = FlowerhubEndpoints.profile(owner: try resolveOwnerId(assetOwnerId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchAssetOwnerProfile(assetOwnerId:options:)`` returning HTTP and payload errors in the result.
    public func fetchAssetOwnerProfileResult(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<FlowerhubAssetOwnerProfile> {
        let endpoint = FlowerhubEndpoints.profile(owner: try resolveOwnerId(assetOwnerId))
        return try await result(of: exchange(endpoint, options: options))
    }

    /// The owner's details (`GET /asset-owner/{id}`). The `id` is required ("missing or invalid id").
    public func fetchAssetOwner(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> FlowerhubAssetOwnerDetails
    {
        let endpoint = FlowerhubEndpoints.assetOwner(try resolveOwnerId(assetOwnerId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchAssetOwner(assetOwnerId:options:)`` returning HTTP and payload errors in the result.
    public func fetchAssetOwnerResult(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<FlowerhubAssetOwnerDetails> {
        let endpoint = FlowerhubEndpoints.assetOwner(try resolveOwnerId(assetOwnerId))
        return try await result(of: exchange(endpoint, options: options))
    }
}
