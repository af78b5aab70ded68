import Foundation
import HTTPTypes

extension SandboxVendor {
    /// The Flowerhub portal API, under `/flowerhub`.
    public static let flowerhub = SandboxVendor("flowerhub")
}

extension SandboxRoute {
    /// The Flowerhub portal's routes (every endpoint FlowerhubKit calls).
    public enum Flowerhub: String, CaseIterable, Sendable {
        /// `POST /auth/login`.
        case login
        /// `GET /auth/refresh-token`.
        case refresh
        /// `GET /asset-owner/{id}/withAssetId`.
        case withAssetId
        /// `GET /asset/{id}`.
        case asset
        /// `GET /system-notification/{slug}`.
        case systemNotification
        /// `GET /asset-owner/{id}/electricity-agreement`.
        case electricityAgreement
        /// `GET /asset-owner/{id}/invoice`.
        case invoices
        /// `GET /asset-owner/{id}/consumption`.
        case consumption
        /// `GET /asset-owner/{id}/profile`.
        case profile
        /// `GET /asset-owner/{id}`.
        case assetOwner
        /// `GET /asset/{id}/revenue`.
        case revenue
        /// `GET /asset-effective-uptime/available-months/{id}`.
        case uptimeMonths
        /// `GET /asset-effective-uptime/bar-chart/history/{id}`.
        case uptimeHistory
        /// `GET /asset-effective-uptime/pie-chart/{id}?period=YYYY-MM`.
        case uptimePie
    }

    /// One Flowerhub route.
    public static func flowerhub(_ route: Flowerhub) -> SandboxRoute {
        SandboxRoute(vendor: .flowerhub, name: route.rawValue)
    }
}

/// The Flowerhub portal: cookie login and refresh, and every read FlowerhubKit makes, answered
/// from `Fixtures/flowerhub` for the account's owner and asset ids.
struct FlowerhubRoutes: SandboxVendorModule {
    let vendor = SandboxVendor.flowerhub
    let pathPrefix = "/flowerhub"
    let state: SandboxFlowerhub

    var endpoints: [SandboxEndpoint] {
        typealias Route = SandboxRoute.Flowerhub
        let owner = state.assetOwnerId
        let asset = state.assetId
        return [
            SandboxEndpoint(Route.login.rawValue, ["POST"], "/auth/login") { request, _ in login(request) },
            SandboxEndpoint(Route.refresh.rawValue, ["GET"], "/auth/refresh-token") { request, _ in refresh(request) },
            authenticated(.withAssetId, "/asset-owner/:owner/withAssetId", owner: owner) { _, _ in
                .json(SandboxFixtures.json("flowerhub/with-asset-id.json"))
            },
            authenticated(.asset, "/asset/:asset", asset: asset) { _, _ in assetBody() },
            authenticated(.systemNotification, "/system-notification/:slug") { request, parameters in
                ["active-flower", "active-zavann"].contains(parameters["slug"] ?? "")
                    ? .empty(status: 200) : errorResponse(status: 404, for: request)
            },
            authenticated(.electricityAgreement, "/asset-owner/:owner/electricity-agreement", owner: owner) { _, _ in
                .json(SandboxFixtures.json("flowerhub/electricity-agreement.json"))
            },
            authenticated(.invoices, "/asset-owner/:owner/invoice", owner: owner) { _, _ in
                .json(SandboxFixtures.json("flowerhub/invoices.json"))
            },
            authenticated(.consumption, "/asset-owner/:owner/consumption", owner: owner) { _, _ in
                .json(SandboxFixtures.json("flowerhub/consumption.json"))
            },
            authenticated(.profile, "/asset-owner/:owner/profile", owner: owner) { _, _ in
                .json(SandboxFixtures.json("flowerhub/profile.json"))
            },
            authenticated(.assetOwner, "/asset-owner/:owner", owner: owner) { _, _ in
                .json(SandboxFixtures.json("flowerhub/asset-owner.json"))
            },
            authenticated(.revenue, "/asset/:asset/revenue", asset: asset) { _, _ in
                .json(SandboxFixtures.json("flowerhub/revenue.json"))
            },
            authenticated(.uptimeMonths, "/asset-effective-uptime/available-months/:asset", asset: asset) { _, _ in
                .json(SandboxFixtures.json("flowerhub/uptime-months.json"))
            },
            authenticated(.uptimeHistory, "/asset-effective-uptime/bar-chart/history/:asset", asset: asset) { _, _ in
                .json(SandboxFixtures.json("flowerhub/uptime-history.json"))
            },
            authenticated(.uptimePie, "/asset-effective-uptime/pie-chart/:asset", asset: asset) { request, _ in
                guard let period = request.query("period"), Self.isPeriod(period) else {
                    return errorResponse(status: 400, for: request)
                }
                return .json(SandboxFixtures.json("flowerhub/uptime-pie.json"))
            },
        ]
    }

    /// The portal's error answers: an empty 401 or 429, an HTML page for 5xx, its JSON otherwise.
    func errorResponse(status: Int, for request: SandboxIncomingRequest) -> SandboxResponse {
        switch status {
        case 401, 429:
            return .empty(status: status)
        case 404:
            return SandboxResponse(
                status: 404, headers: [.contentType: "application/json; charset=utf-8"],
                body: SandboxFixtures.data("flowerhub/error-404.json"))
        case 500...599:
            return .text(SandboxFixtures.text("flowerhub/error-500.html"), status: status, contentType: "text/html")
        default:
            let body = SandboxJSONObject([
                ("statusCode", .int(status)), ("message", .string(SandboxStatusText.reason(status))),
            ])
            return .json(.object(body), status: status)
        }
    }

    func reset() {
        state.reset()
    }

    /// A route that needs a live `Authentication` cookie and, where the path names one, the
    /// account's owner or asset id (another id is a 404).
    private func authenticated(
        _ route: SandboxRoute.Flowerhub,
        _ template: String,
        owner: Int? = nil,
        asset: Int? = nil,
        answer: @escaping @Sendable (SandboxIncomingRequest, [String: String]) -> SandboxResponse
    ) -> SandboxEndpoint {
        let state = self.state
        let module = self
        return SandboxEndpoint(route.rawValue, ["GET"], template) { request, parameters in
            guard state.isAuthenticated(request.cookies["Authentication"]) else {
                return module.errorResponse(status: 401, for: request)
            }
            if let owner, parameters["owner"] != String(owner) {
                return module.errorResponse(status: 404, for: request)
            }
            if let asset, parameters["asset"] != String(asset) {
                return module.errorResponse(status: 404, for: request)
            }
            return answer(request, parameters)
        }
    }

    private func login(_ request: SandboxIncomingRequest) -> SandboxResponse {
        guard let json = try? SandboxJSON.parse(request.body), let username = json["username"]?.stringValue,
            let password = json["password"]?.stringValue
        else {
            return errorResponse(status: 400, for: request)
        }
        guard let session = state.login(username: username, password: password) else {
            return errorResponse(status: 401, for: request)
        }
        var body = SandboxFixtures.json("flowerhub/login.json").objectValue ?? SandboxJSONObject()
        body["user"] = user()
        body["refreshTokenExpirationDate"] = .string(SandboxHTTPDate.iso8601(session.refreshExpiry))
        return withCookies(.json(.object(body)), session)
    }

    private func refresh(_ request: SandboxIncomingRequest) -> SandboxResponse {
        guard let token = request.cookies["Refresh"], let session = state.refresh(token) else {
            return errorResponse(status: 401, for: request)
        }
        return withCookies(.json(.object(SandboxJSONObject([("user", user())]))), session)
    }

    /// The login fixture's user, acting for the account's owner id.
    private func user() -> SandboxJSON {
        var user = SandboxFixtures.json("flowerhub/login.json")["user"]?.objectValue ?? SandboxJSONObject()
        user["assetOwnerId"] = .int(state.assetOwnerId)
        return .object(user)
    }

    private func assetBody() -> SandboxResponse {
        var asset = SandboxFixtures.json("flowerhub/asset.json").objectValue ?? SandboxJSONObject()
        let current = state.status
        var status = SandboxJSONObject([("status", .string(current.status))])
        if let message = current.message { status["message"] = .string(message) }
        asset["flowerHubStatus"] = .object(status)
        return .json(.object(asset))
    }

    private func withCookies(_ response: SandboxResponse, _ session: SandboxFlowerhub.IssuedSession) -> SandboxResponse
    {
        response
            .adding(
                .setCookie,
                Self.cookie(
                    "Authentication", session.authentication, issued: session.issuedAt,
                    expires: session.authenticationExpiry)
            )
            .adding(
                .setCookie,
                Self.cookie("Refresh", session.refresh, issued: session.issuedAt, expires: session.refreshExpiry))
    }

    /// A session cookie as the portal sets it: whole site, HTTP only, secure, cross-site.
    private static func cookie(_ name: String, _ value: String, issued: Date, expires: Date) -> String {
        let lifetime = max(0, Int(expires.timeIntervalSince(issued).rounded(.down)))
        return "\(name)=\(value); Path=/; Max-Age=\(lifetime); Expires=\(SandboxHTTPDate.format(expires)); "
            + "HttpOnly; Secure; SameSite=None"
    }

    /// `YYYY-MM` with a month of 01–12.
    static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let month = Int(parts[1])
        else { return false }
        return (1...12).contains(month)
    }
}
