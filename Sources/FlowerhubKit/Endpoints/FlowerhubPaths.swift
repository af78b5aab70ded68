import AuthCore

/// Every portal path in one place, so a move on the portal side (like the July 2026 move of the
/// uptime endpoints to `/asset-effective-uptime`) is a one-line change. Text that goes into a
/// path is encoded as one segment with AuthCore's ``URLEncoding/pathSegment(_:)``; ids are numbers.
enum FlowerhubPaths {
    /// `POST`: log in with username and password.
    static let login = "/auth/login"
    /// `GET`: renew the session cookies.
    static let refreshToken = "/auth/refresh-token"
    /// The prefix of the three uptime endpoints (was `/asset-uptime` before July 2026).
    static let uptimePrefix = "/asset-effective-uptime"

    /// `GET`: the asset id of an owner.
    static func withAssetId(owner: Int) -> String { "/asset-owner/\(owner)/withAssetId" }
    /// `GET`: the asset and its Flowerhub status.
    static func asset(_ asset: Int) -> String { "/asset/\(asset)" }
    /// `GET`: a system notification by slug (any text, encoded as one path segment).
    static func systemNotification(_ slug: String) -> String {
        "/system-notification/\(URLEncoding.pathSegment(slug))"
    }
    /// `GET`: the owner's electricity agreement.
    static func electricityAgreement(owner: Int) -> String { "/asset-owner/\(owner)/electricity-agreement" }
    /// `GET`: the owner's invoices.
    static func invoices(owner: Int) -> String { "/asset-owner/\(owner)/invoice" }
    /// `GET`: the owner's consumption.
    static func consumption(owner: Int) -> String { "/asset-owner/\(owner)/consumption" }
    /// `GET`: the owner's profile.
    static func profile(owner: Int) -> String { "/asset-owner/\(owner)/profile" }
    /// `GET`: the owner's details.
    static func assetOwner(_ owner: Int) -> String { "/asset-owner/\(owner)" }
    /// `GET`: the asset's revenue.
    static func revenue(asset: Int) -> String { "/asset/\(asset)/revenue" }
    /// `GET`: the months with uptime data.
    static func uptimeAvailableMonths(asset: Int) -> String { "\(uptimePrefix)/available-months/\(asset)" }
    /// `GET`: the monthly uptime history.
    static func uptimeHistory(asset: Int) -> String { "\(uptimePrefix)/bar-chart/history/\(asset)" }
    /// `GET`: the uptime pie of one month (`?period=YYYY-MM`).
    static func uptimePie(asset: Int) -> String { "\(uptimePrefix)/pie-chart/\(asset)" }
}
