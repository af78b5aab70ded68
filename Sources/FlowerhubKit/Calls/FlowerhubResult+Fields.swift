import AuthCore

extension FlowerhubResult where Value == FlowerhubAssetFetch {
    /// The asset object: the validated one, or the body's object when the call failed (an
    /// invalid status, or an HTTP error whose body is a JSON object).
    public var assetInfo: [String: JSONValue]? { value?.assetInfo ?? json?.objectValue }
    /// The validated status, or `nil` when the call failed.
    public var flowerhubStatus: FlowerhubStatus? { value?.flowerhubStatus }
}

extension FlowerhubResult where Value == Int {
    /// The discovered asset id.
    public var assetId: Int? { value }
}

extension FlowerhubResult where Value == FlowerhubUptimePie {
    /// Seconds up.
    public var uptime: Double? { value?.uptime }
    /// Seconds down.
    public var downtime: Double? { value?.downtime }
    /// Seconds without data.
    public var noData: Double? { value?.noData }
    /// Uptime over the whole month in percent.
    public var uptimeRatioTotal: Double? { value?.uptimeRatioTotal }
    /// Uptime over the time with data in percent.
    public var uptimeRatioActual: Double? { value?.uptimeRatioActual }
}
