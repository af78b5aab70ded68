import AuthCore

extension ViessmannClient {
    /// Sent as `User-Agent` to the IoT API and to the IAM token endpoint.
    static let userAgent = ProductUserAgent.value(product: "ViessmannKit", version: ViessmannKitVersion.current)
}
