import AuthCore
import Logging

extension FlowerhubClient {
    /// Runs discovery, asset and uptime pie in order, as the original's readout does, but never
    /// with a stale id: the asset and pie steps use the id discovered by this readout and are
    /// skipped when discovery gave none.
    ///
    /// Discovery uses its default retries and the client's time limit; the asset step uses all
    /// `options`; the pie step uses their time limit and never fails the readout (a failed pie,
    /// even an authentication failure, gives `uptimePie == nil`, and is not reported to the
    /// API-error handler).
    ///
    /// - Parameters:
    ///   - assetOwnerId: The owner; `nil` uses ``assetOwnerId``.
    ///   - options: Retries and time limit for the asset step (the pie step uses its time limit).
    public func readoutSequence(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubReadout {
        let owner = try resolveOwnerId(assetOwnerId)
        guard let id = try await fetchAssetId(assetOwnerId: owner) else {
            logger?.warning("readout: the owner has no asset id; skipping the asset and uptime steps")
            return FlowerhubReadout(assetOwnerId: owner, assetId: nil, asset: nil, uptimePie: nil)
        }
        let asset = try await fetchAsset(assetId: id, options: options)
        let pie = await readoutPie(assetId: id, options: options)
        return FlowerhubReadout(
            assetOwnerId: owner, assetId: id, asset: asset, uptimePie: pie.flatMap { $0.error == nil ? $0.value : nil })
    }

    /// ``readoutSequence(assetOwnerId:options:)`` with each step's status and error, returning
    /// HTTP and payload errors instead of throwing them.
    public func readoutSequenceResult(
        assetOwnerId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubReadoutResult {
        let owner = try resolveOwnerId(assetOwnerId)
        let discovery = try await fetchAssetIdResult(assetOwnerId: owner)
        guard discovery.error == nil, let id = discovery.value else {
            logger?.warning(
                "readout: no asset id discovered; skipping the asset and uptime steps",
                metadata: ["status": "\(discovery.statusCode)"])
            return FlowerhubReadoutResult(
                assetOwnerId: owner, assetId: nil, withAssetId: discovery, asset: nil, uptimePie: nil)
        }
        let asset = try await fetchAssetResult(assetId: id, options: options)
        let pie = await readoutPie(assetId: id, options: options)
        return FlowerhubReadoutResult(
            assetOwnerId: owner, assetId: id, withAssetId: discovery, asset: asset, uptimePie: pie)
    }

    /// The readout's pie step: the result, or `nil` when it threw (logged without its text).
    private func readoutPie(assetId: Int, options: FlowerhubCallOptions) async -> FlowerhubResult<FlowerhubUptimePie>? {
        do {
            let pie = try await fetchUptimePieResult(
                assetId: assetId, options: FlowerhubCallOptions(timeout: options.timeout))
            if let error = pie.error {
                logger?.warning("readout: uptime pie failed", metadata: LogSummary.of(error))
            }
            return pie
        } catch {
            logger?.warning("readout: uptime pie failed", metadata: LogSummary.of(error))
            return nil
        }
    }
}
