/// A month for which uptime data exists.
public struct FlowerhubUptimeMonth: Sendable, Equatable, Codable {
    /// The month as `YYYY-MM`; `""` when missing.
    public var value: String
    /// The month in words, for example `"March 2025"`; `""` when missing.
    public var label: String

    enum CodingKeys: String, CodingKey {
        case value, label
    }

    /// Creates a month.
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// One bar of the uptime history chart.
public struct FlowerhubUptimeHistoryEntry: Sendable, Equatable, Codable {
    /// The month as `YYYY-MM`; `""` when missing.
    public var date: String
    /// The uptime in percent (0–100), `nil` when not a number.
    public var uptime: Double?

    enum CodingKeys: String, CodingKey {
        case date, uptime
    }

    /// Creates a history entry.
    public init(date: String, uptime: Double?) {
        self.date = date
        self.uptime = uptime
    }
}

/// The uptime pie chart of one month, in seconds, with the derived ratios.
public struct FlowerhubUptimePie: Sendable, Equatable, Codable {
    /// Seconds up.
    public var uptime: Double?
    /// Seconds down.
    public var downtime: Double?
    /// Seconds without data.
    public var noData: Double?
    /// `uptime / (uptime + downtime + noData) × 100`, `nil` when the total is 0 or nothing was sent.
    public var uptimeRatioTotal: Double?
    /// `uptime / (uptime + downtime) × 100`, `nil` when that sum is 0 or nothing was sent.
    public var uptimeRatioActual: Double?

    enum CodingKeys: String, CodingKey {
        case uptime, downtime, noData
        case uptimeRatioTotal = "uptime_ratio_total"
        case uptimeRatioActual = "uptime_ratio_actual"
    }

    /// Creates a pie from the three categories, computing the ratios.
    public init(uptime: Double?, downtime: Double?, noData: Double?) {
        self.uptime = uptime
        self.downtime = downtime
        self.noData = noData
        guard uptime != nil || downtime != nil || noData != nil else { return }
        let up = uptime ?? 0
        let down = downtime ?? 0
        let total = up + down + (noData ?? 0)
        uptimeRatioTotal = total > 0 ? up / total * 100 : nil
        uptimeRatioActual = up + down > 0 ? up / (up + down) * 100 : nil
    }
}
