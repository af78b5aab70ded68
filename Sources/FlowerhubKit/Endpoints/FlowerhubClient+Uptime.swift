import AuthCore
import Foundation

extension FlowerhubClient {
    /// The asset's revenue (`GET /asset/{id}/revenue`); numeric strings are read as numbers.
    ///
    /// - Parameter assetId: The asset; `nil` uses ``assetId``.
    public func fetchRevenue(assetId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<Revenue>
    {
        let id = try resolveAssetId(assetId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.revenue(asset: id)), options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try OwnerParsers.revenue(json) }
    }

    /// The months with uptime data (`GET /asset-effective-uptime/available-months/{id}`).
    public func fetchAvailableUptimeMonths(assetId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<[UptimeMonth]>
    {
        let id = try resolveAssetId(assetId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.uptimeAvailableMonths(asset: id)), options: options, defaultRetries: 0
        )
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try UptimeParsers.months(json) }
    }

    /// The monthly uptime history (`GET /asset-effective-uptime/bar-chart/history/{id}`).
    public func fetchUptimeHistory(assetId: Int? = nil, options: FlowerhubCallOptions = .throwing) async throws
        -> FlowerhubResult<[UptimeHistoryEntry]>
    {
        let id = try resolveAssetId(assetId)
        let exchange = try await perform(
            FlowerhubEndpoints.get(FlowerhubPaths.uptimeHistory(asset: id)), options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try UptimeParsers.history(json) }
    }

    /// The uptime pie of one month (`GET /asset-effective-uptime/pie-chart/{id}?period=YYYY-MM`)
    /// with the total and actual uptime ratios. `[]` gives an all-`nil` pie without an error.
    ///
    /// - Parameter period: `YYYY-MM`; `nil` uses the current month in ``Configuration/timeZone``
    ///   on the client's clock. It is validated and percent-encoded.
    /// - Throws: ``FlowerhubError/invalidArgument(_:)`` for a blank or malformed period (before any request).
    public func fetchUptimePie(assetId: Int? = nil, period: String? = nil, options: FlowerhubCallOptions = .throwing)
        async throws -> FlowerhubResult<UptimePie>
    {
        let id = try resolveAssetId(assetId)
        let month = try period.map(Self.validatedPeriod) ?? currentPeriod()
        let endpoint = FlowerhubEndpoints.get(
            FlowerhubPaths.uptimePie(asset: id), query: [URLQueryItem(name: "period", value: month)])
        let exchange = try await perform(endpoint, options: options, defaultRetries: 0)
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try UptimeParsers.pie(json) }
    }

    /// The current month as `YYYY-MM` on the client's clock.
    func currentPeriod() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.timeZone
        let parts = calendar.dateComponents([.year, .month], from: timeSource.now)
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
