extension BticinoClient.Configuration {
    /// The `User-Agent` every REST call sends: the official app's,
    /// `NetatmoApp(Security/v<app>/<build>) Android(<android>/<device>)`.
    ///
    /// Unlike the other kits, BticinoKit does not send AuthCore's `ProductUserAgent`: the Netatmo
    /// cloud serves this client as the Home + Security app, so the app's own template is kept
    /// (`BticinoKitVersion` is not part of it). The token endpoint gets no custom `User-Agent`.
    public var userAgent: String {
        "NetatmoApp(Security/v\(appVersion)/\(buildNumber)) Android(\(androidVersion)/\(deviceInfo))"
    }
}
