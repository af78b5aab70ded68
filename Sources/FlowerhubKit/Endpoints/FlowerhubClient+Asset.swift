import AuthCore
import Foundation

extension FlowerhubClient {
    /// Discovers the owner's asset id (`GET /asset-owner/{id}/withAssetId`) and stores it.
    ///
    /// `assetId` may arrive as an integer or a string of digits. Anything else that is not a
    /// positive integer in `Int` range (a fraction, `0`, `-1`, `1e30`, `"abc"`, `true`) is
    /// unparseable ("Failed to parse assetId") and clears the stored id; a missing key
    /// ("missing assetId field") or a non-object body ("expected dict") leaves it; `null` gives
    /// `value == nil` without an error. 5xx and 429 are retried twice by default.
    ///
    /// - Parameter assetOwnerId: The owner; `nil` uses ``assetOwnerId``.
    /// - Throws: ``FlowerhubError/invalidArgument(_:)`` without an owner id (before any request),
    ///   plus the errors described on ``FlowerhubClient``.
    @discardableResult
    public func fetchAssetId(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<Int>
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.withAssetId(owner: owner)), options: options, defaultRetries: 2)
        let result = try finish(exchange, options: options) { json throws(PayloadIssue) in
            try AssetParsers.assetId(json)
        }
        if exchange.httpError == nil, let id = result.value { assetId = id }
        return result
    }

    /// Fetches the asset (`GET /asset/{id}`) and validates its `flowerHubStatus`.
    ///
    /// On success the client stores ``assetInfo``, ``asset`` and ``flowerhubStatus`` (stamped
    /// with the client's clock). When validation fails the stored values are left unchanged; in
    /// the non-throwing form the result still carries the body in ``FlowerhubResult/assetInfo``.
    ///
    /// - Parameter assetId: The asset; `nil` uses ``assetId``.
    @discardableResult
    public func fetchAsset(assetId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<AssetFetch>
    {
        let id = try resolveAssetId(assetId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.asset(id)), options: options, defaultRetries: 0)
        let now = timeSource.now
        let result = try finish(exchange, options: options) { json throws(PayloadIssue) in
            try AssetParsers.assetFetch(json, now: now)
        }
        if exchange.httpError == nil, let fetch = result.value {
            assetInfo = fetch.assetInfo
            asset = fetch.asset
            flowerhubStatus = fetch.flowerhubStatus
        }
        return result
    }

    /// Runs discovery, asset and uptime pie in order, as the original's readout does, but never
    /// with a stale id: the asset and pie steps use the id discovered by this readout and are
    /// skipped when discovery gave none.
    ///
    /// Discovery uses the call's error handling only (with its default retries); the asset step
    /// uses all options; the pie step never throws (a failed pie, even an authentication failure,
    /// gives `uptimePie == nil`).
    ///
    /// - Parameter assetOwnerId: The owner; `nil` uses ``assetOwnerId``.
    public func readoutSequence(assetOwnerId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> ReadoutResult
    {
        let owner = try resolveOwnerId(assetOwnerId)
        let discovery = try await fetchAssetId(
            assetOwnerId: owner, options: FlowerhubCallOptions(throwsOnError: options.throwsOnError))
        guard discovery.error == nil, let id = discovery.value else {
            logger.warning(
                "readout: no asset id discovered; skipping the asset and uptime steps",
                metadata: ["status": "\(discovery.statusCode)"])
            return ReadoutResult(assetOwnerId: owner, assetId: nil, withAssetId: discovery, asset: nil, uptimePie: nil)
        }
        let assetResult = try await fetchAsset(assetId: id, options: options)
        var pie: FlowerhubResult<UptimePie>?
        do {
            pie = try await fetchUptimePie(
                assetId: id, options: FlowerhubCallOptions(throwsOnError: false, timeout: options.timeout))
        } catch {
            logger.warning("readout: uptime pie failed", metadata: LogSummary.of(error))
        }
        return ReadoutResult(
            assetOwnerId: owner, assetId: id, withAssetId: discovery, asset: assetResult, uptimePie: pie)
    }

    /// Fetches a system notification (`GET /system-notification/{slug}`). The body is not
    /// interpreted: ``FlowerhubResult/value`` is the JSON, `nil` for the usual empty body.
    ///
    /// - Parameter slug: `"active-flower"` (default) or `"active-zavann"`.
    /// - Throws: ``FlowerhubError/invalidArgument(_:)`` for an empty slug.
    public func fetchSystemNotification(slug: String = "active-flower", options: FlowerhubCallOptions = .throwing)
        async throws -> FlowerhubResult<JSONValue>
    {
        let trimmed = slug.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
            let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .flowerhubPathSegment)
        else {
            throw FlowerhubError.invalidArgument("slug must not be empty")
        }
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.systemNotification(encoded)), options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in json }
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: safe in one path segment.
    static let flowerhubPathSegment = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
