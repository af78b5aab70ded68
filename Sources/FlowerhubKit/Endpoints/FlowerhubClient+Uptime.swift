import AuthCore
import Foundation

extension FlowerhubClient {
    /// The asset's revenue (`GET /asset/{id}/revenue`); numeric strings are read as numbers.
    ///
    /// - Parameters:
    ///   - assetId: The asset; `nil` uses ``assetId``.
    ///   - options: Retries and time limit for this call.
    public func fetchRevenue(assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> FlowerhubRevenue
    {
        let endpoint = FlowerhubEndpoints.revenue(asset: try resolveAssetId(assetId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchRevenue(assetId:options:)`` returning HTTP and payload errors in the result.
    public func fetchRevenueResult(assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> FlowerhubResult<FlowerhubRevenue>
    {
        let endpoint = FlowerhubEndpoints.revenue(asset: try resolveAssetId(assetId))
        return try await result(of: exchange(endpoint, options: options))
    }

    /// The months with uptime data (`GET /asset-effective-uptime/available-months/{id}`).
    public func fetchAvailableUptimeMonths(assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> [FlowerhubUptimeMonth]
    {
        let endpoint = FlowerhubEndpoints.uptimeMonths(asset: try resolveAssetId(assetId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchAvailableUptimeMonths(assetId:options:)`` returning HTTP and payload errors in the result.
    public func fetchAvailableUptimeMonthsResult(
        assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<[FlowerhubUptimeMonth]> {
        let endpoint = FlowerhubEndpoints.uptimeMonths(asset: try resolveAssetId(assetId))
        return try await result(of: exchange(endpoint, options: options))
    }

    /// The monthly uptime history (`GET /asset-effective-uptime/bar-chart/history/{id}`).
    public func fetchUptimeHistory(assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> [FlowerhubUptimeHistoryEntry]
    {
        let endpoint = FlowerhubEndpoints.uptimeHistory(asset: try resolveAssetId(assetId))
        return try await value(of: exchange(endpoint, options: options))
    }

    /// ``fetchUptimeHistory(assetId:options:)`` returning HTTP and payload errors in the result.
    public func fetchUptimeHistoryResult(assetId: Int? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions())
        async throws -> FlowerhubResult<[FlowerhubUptimeHistoryEntry]>
    {
        let endpoint = FlowerhubEndpoints.uptimeHistory(asset: try resolveAssetId(assetId))
        return try await result(of: exchange(endpoint, options: options))
    }

    /// The uptime pie of one month (`GET /asset-effective-uptime/pie-chart/{id}?period=YYYY-MM`)
    /// with the total and actual uptime ratios. `[]` gives an all-`nil` pie without an error.
    ///
    /// - Parameters:
    ///   - assetId: The asset; `nil` uses ``assetId``.
    ///   - period: `YYYY-MM`; `nil` uses the current month in ``Configuration/timeZone``
    ///     on the client's clock. It is validated and percent-encoded.
    ///   - options: Retries and time limit for this call.
    /// - Throws: ``FlowerhubError/Code/invalidArgument`` for a blank or malformed period (before any request).
    public func fetchUptimePie(
        assetId: Int? = nil, period: String? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubUptimePie {
        try await value(of: exchange(uptimePieEndpoint(assetId, period), options: options))
    }

    /// ``fetchUptimePie(assetId:period:options:)`` returning HTTP and payload errors in the result.
    public func fetchUptimePieResult(
        assetId: Int? = nil, period: String? = nil, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<FlowerhubUptimePie> {
        try await result(of: exchange(uptimePieEndpoint(assetId, period), options: options))
    }

    private func uptimePieEndpoint(_ assetId: Int?, _ period: String?) throws -> Endpoint<
        FlowerhubReply<FlowerhubUptimePie>
    > {
        let id = try resolveAssetId(assetId)
        return FlowerhubEndpoints.uptimePie(asset: id, period: try period.map(Self.validatedPeriod) ?? currentPeriod())
    }

    /// The current month as `YYYY-MM` on the client's clock.
    func currentPeriod() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.timeZone
        let parts = calendar.dateComponents([.year, .month], from: configuration.timeSource.now)
        let year = String(parts.year ?? 1970)
        let month = String(parts.month ?? 1)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + (month.count < 2 ? "0" : "") + month
    }

    /// A trimmed `YYYY-MM` period with a month of 01–12.
    static func validatedPeriod(_ period: String) throws -> String {
        let trimmed = period.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw FlowerhubError.invalidArgument("period must be a non-empty YYYY-MM string")
        }
        let pieces = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2,
            pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let monthNumber = Int(pieces[1]), (1...12).contains(monthNumber)
        else {
            throw FlowerhubError.invalidArgument("period must have the form YYYY-MM")
        }
        return trimmed
    }
}
