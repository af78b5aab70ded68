import AuthCore

extension FlowerhubClient {
    /// Sent as `User-Agent` unless `Configuration.additionalHeaders` sets one.
    static let userAgent = ProductUserAgent.value(product: "FlowerhubKit", version: FlowerhubKitVersion.current)
}
