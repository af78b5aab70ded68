/// Every portal path in one place, so a move on the portal side (like the July 2026 move of the
/// uptime endpoints to `/asset-effective-uptime`) is a one-line change.
public enum FlowerhubPaths {
    /// `POST`: log in with username and password.
    public static let login = "/auth/login"
    /// `GET`: renew the session cookies.
    public static let refreshToken = "/auth/refresh-token"
    /// The prefix of the three uptime endpoints (was `/asset-uptime` before July 2026).
    public static let uptimePrefix = "/asset-effective-uptime"

    /// `GET`: the asset id of an owner.
    public static func withAssetId(owner: Int) -> String { "/asset-owner/\(owner)/withAssetId" }
    /// `GET`: the asset and its Flowerhub status.
    public static func asset(_ asset: Int) -> String { "/asset/\(asset)" }
    /// `GET`: a system notification by slug.
    public static func systemNotification(_ slug: String) -> String { "/system-notification/\(slug)" }
    /// `GET`: the owner's electricity agreement.
    public static func electricityAgreement(owner: Int) -> String { "/asset-owner/\(owner)/electricity-agreement" }
    /// `GET`: the owner's invoices.
    public static func invoices(owner: Int) -> String { "/asset-owner/\(owner)/invoice" }
    /// `GET`: the owner's consumption.
    public static func consumption(owner: Int) -> String { "/asset-owner/\(owner)/consumption" }
    /// `GET`: the owner's profile.
    public static func profile(owner: Int) -> String { "/asset-owner/\(owner)/profile" }
    /// `GET`: the owner's details.
    public static func assetOwner(_ owner: Int) -> String { "/asset-owner/\(owner)" }
    /// `GET`: the asset's revenue.
    public static func revenue(asset: Int) -> String { "/asset/\(asset)/revenue" }
    /// `GET`: the months with uptime data.
    public static func uptimeAvailableMonths(asset: Int) -> String { "\(uptimePrefix)/available-months/\(asset)" }
    /// `GET`: the monthly uptime history.
    public static func uptimeHistory(asset: Int) -> String { "\(uptimePrefix)/bar-chart/history/\(asset)" }
    /// `GET`: the uptime pie of one month (`?period=YYYY-MM`).
    public static func uptimePie(asset: Int) -> String { "\(uptimePrefix)/pie-chart/\(asset)" }
}
