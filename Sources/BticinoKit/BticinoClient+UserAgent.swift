import AuthCore

extension BticinoClient.Configuration {
    /// The `User-Agent` every REST call sends: the official app's,
    /// `NetatmoApp(Security/v<app>/<build>) Android(<android>/<device>)`.
    ///
    /// The Netatmo cloud serves this client as the Home + Security app, so the app's template leads;
    /// with `sendsKitVersion` (the default) the kit's and AuthCore's product tokens follow it, as
    /// HTTP allows several products in one `User-Agent`. The token endpoint gets no custom `User-Agent`.
    public var userAgent: String {
        "NetatmoApp(Security/v\(appVersion)/\(buildNumber)) Android(\(androidVersion)/\(deviceInfo))"
    }
}

extension BticinoClient {
    /// The `User-Agent` header value of REST calls for `configuration`.
    static func userAgentHeader(for configuration: Configuration) -> String {
        guard configuration.sendsKitVersion else { return configuration.userAgent }
        return configuration.userAgent + " BticinoKit/\(BticinoKitVersion.current) AuthCore/\(AuthCoreVersion.current)"
    }
}
