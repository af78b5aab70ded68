import AuthCore

extension OdynClient {
    /// Sent as `User-Agent` (to Business Central and to the Entra token endpoint) unless the
    /// session's headers set one.
    static let userAgent = ProductUserAgent.value(product: "OdynKit", version: OdynKitVersion.current)
}
