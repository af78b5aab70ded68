import AuthCore
import Foundation

extension FlowerhubClient {
    /// Discovers the owner's asset id (`GET /asset-owner/{id}/withAssetId`) and stores it.
    ///
    /// `assetId` may arrive as an integer or a string of digits. Anything else that is not a
    /// positive integer in `Int` range (a fraction, `0`, `-1`, `1e30`, `"abc"`, `true`) is
    /// unparseable ("Failed to parse assetId") and clears the stored id; a missing key
    /// ("missing assetId field") or a non-object body ("expected dict") leaves it. 5xx and 429
    /// are retried twice by default.
    ///
    /// - Parameters:
    ///   - assetOwnerId: The owner; `nil` uses ``assetOwnerId``.
    ///   - options: Retries and time limit for this call.
    /// - Returns: The asset id, or `nil` when the portal answers `"assetId": null` (the owner has
    ///   no asset yet; the stored id is left alone).
    /// - Throws: ``FlowerhubError`` (``FlowerhubError/Code/invalidArgument`` without an owner id,
    ///   before any request; ``FlowerhubError/Code/invalidResponse`` for a body of the wrong
    ///   shape) and the `APIError`s described on ``FlowerhubClient``.
    @discardableResult
    public func fetchAssetId(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> Int?
    {
        try await value(of: assetIdExchange(assetOwnerId, options))
    }

    /// ``fetchAssetId(assetOwnerId:options:)`` returning HTTP and payload errors in the result.
    /// `value == nil` without an error means the portal answered `"assetId": null`.
    public func fetchAssetIdResult(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> FlowerhubResult<Int>
    {
        try await result(of: assetIdExchange(assetOwnerId, options))
    }

    /// Fetches the asset (`GET /asset/{id}`) and validates its `flowerHubStatus`.
    ///
    /// On success the client stores ``assetInfo``, ``asset`` and ``flowerhubStatus`` (stamped
    /// with the client's clock when the answer arrived). When validation fails the stored values
    /// are left unchanged.
    ///
    /// - Parameters:
    ///   - assetId: The asset; `nil` uses ``assetId``.
    ///   - options: Retries and time limit for this call.
    @discardableResult
    public func fetchAsset(assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()) async throws
        -> FlowerhubAssetFetch
    {
        try await value(of: assetExchange(assetId, options))
    }

    /// ``fetchAsset(assetId:options:)`` returning HTTP and payload errors in the result. When
    /// validation fails, ``FlowerhubResult/assetInfo`` still carries the body's object.
    public func fetchAssetResult(assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> FlowerhubResult<FlowerhubAssetFetch>
    {
        try await result(of: assetExchange(assetId, options))
    }

    /// Fetches a system notification (`GET /system-notification/{slug}`). The body is not
    /// interpreted: the JSON, or `nil` for the usual empty body; never a payload error.
    ///
    /// - Parameters:
    ///   - slug: `"active-flower"` (default) or `"active-zavann"`; encoded as one path segment.
    ///   - options: Retries and time limit for this call.
    /// - Throws: ``FlowerhubError/Code/invalidArgument`` for an empty slug, before any request.
    @discardableResult
    public func fetchSystemNotification(
        slug: String = "active-flower", options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> JSONValue? {
        try await value(of: systemNotificationExchange(slug, options))
    }

    /// ``fetchSystemNotification(slug:options:)`` returning HTTP errors in the result.
    public func fetchSystemNotificationResult(
        slug: String = "active-flower", options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<JSONValue> {
        try await result(of: systemNotificationExchange(slug, options))
    }

    private func assetIdExchange(_ assetOwnerId: Int?, _ options: FlowerhubCallOptions) async throws
        -> FlowerhubOutcome<Int?>
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let outcome = try await exchange(FlowerhubEndpoints.assetId(owner: owner), options: options, defaultRetries: 2)
        if case .success(let reply) = outcome, let id = reply.value { assetId = id }
        return outcome
    }

    private func assetExchange(_ assetId: Int?, _ options: FlowerhubCallOptions) async throws
        -> FlowerhubOutcome<FlowerhubAssetFetch>
    {
        let id = try resolveAssetId(assetId)
        let outcome = try await exchange(
            FlowerhubEndpoints.asset(id, timeSource: configuration.timeSource), options: options)
        if case .success(let reply) = outcome {
            assetInfo = reply.value.assetInfo
            asset = reply.value.asset
            flowerhubStatus = reply.value.flowerhubStatus
        }
        return outcome
    }

    private func systemNotificationExchange(_ slug: String, _ options: FlowerhubCallOptions) async throws
        -> FlowerhubOutcome<JSONValue?>
    {
        let trimmed = slug.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw FlowerhubError.invalidArgument("slug must not be empty") }
        return try await exchange(FlowerhubEndpoints.systemNotification(slug: trimmed), options: options)
    }
}
