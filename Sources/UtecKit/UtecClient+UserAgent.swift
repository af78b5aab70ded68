import AuthCore

extension UtecClient {
    /// Sent as `User-Agent` to the `/action` API and the token endpoint.
    static let userAgent = ProductUserAgent.value(product: "UtecKit", version: UtecKitVersion.current)
}
