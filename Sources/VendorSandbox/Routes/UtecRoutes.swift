import Foundation
import HTTPTypes

extension SandboxVendor {
    /// U-Tec's OAuth server and U-Home OpenAPI, under `/utec`.
    public static let utec = SandboxVendor("utec")
}

extension SandboxRoute {
    /// U-Tec's routes.
    public enum Utec: String, CaseIterable, Sendable {
        /// `GET /oauth/authorize`: redirects to the client's redirect URI with a code.
        case authorize
        /// `POST /oauth/token`: wrapped token answers `{"code":200,"data":{…}}`.
        case token
        /// `POST /action`: every namespace/name pair.
        case action
    }

    /// One U-Tec route.
    public static func utec(_ route: Utec) -> SandboxRoute {
        SandboxRoute(vendor: .utec, name: route.rawValue)
    }
}

/// U-Tec: authorization-code OAuth with wrapped token answers, and the single `/action` endpoint
/// with stateful devices, `INVALID_TOKEN` inside HTTP 200, offline devices, deferred command
/// results and notifications posted to the registered webhook.
struct UtecRoutes: SandboxVendorModule {
    let vendor = SandboxVendor.utec
    let pathPrefix = "/utec"
    let state: SandboxUtec
    let clock: SandboxClock

    var endpoints: [SandboxEndpoint] {
        typealias Route = SandboxRoute.Utec
        return [
            SandboxEndpoint(Route.authorize.rawValue, ["GET"], "/oauth/authorize") { request, _ in authorize(request) },
            SandboxEndpoint(Route.token.rawValue, ["POST"], "/oauth/token") { request, _ in token(request) },
            SandboxEndpoint(Route.action.rawValue, ["POST"], "/action") { request, _ in await action(request) },
        ]
    }

    /// U-Tec's error answers: the token endpoint's `{"code":…,"message":…}`, an envelope error for
    /// the action endpoint, an HTML page for 5xx.
    func errorResponse(status: Int, for request: SandboxIncomingRequest) -> SandboxResponse {
        switch status {
        case 500...599:
            return htmlErrorPage(status: status)
        default:
            let message = status == 401 ? "invalid_token" : SandboxStatusText.reason(status).lowercased()
            return .json(
                .object(SandboxJSONObject([("code", .int(status)), ("message", .string(message))])), status: status)
        }
    }

    func reset() {
        state.reset()
    }

    // MARK: OAuth

    private func authorize(_ request: SandboxIncomingRequest) -> SandboxResponse {
        guard request.query("client_id") == state.settings.clientId, request.query("response_type") == "code",
            let redirect = request.query("redirect_uri"), var components = URLComponents(string: redirect),
            components.scheme != nil
        else {
            return errorResponse(status: 400, for: request)
        }
        var items = components.queryItems ?? []
        if request.query("scope") != "openapi" {
            items.append(URLQueryItem(name: "error", value: "invalid_scope"))
        } else {
            items.append(URLQueryItem(name: "authorization_code", value: state.issueCode(redirectURI: redirect)))
        }
        if let stateValue = request.query("state") { items.append(URLQueryItem(name: "state", value: stateValue)) }
        components.queryItems = items
        return SandboxResponse.empty(status: 302).adding(.location, components.string ?? redirect)
    }

    private func token(_ request: SandboxIncomingRequest) -> SandboxResponse {
        var fields: [String: String] = [:]
        for (name, value) in request.queryItems where fields[name] == nil { fields[name] = value }
        if request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            for (name, value) in request.formFields where fields[name] == nil { fields[name] = value }
        }
        guard fields["client_id"] == state.settings.clientId,
            Self.constantTimeEquals(fields["client_secret"] ?? "", state.settings.clientSecret)
        else {
            return refusal(401, "invalid_client")
        }
        let issued: (access: String, refresh: String)?
        switch fields["grant_type"] {
        case "authorization_code":
            issued = fields["code"].flatMap { state.exchange(code: $0, redirectURI: fields["redirect_uri"]) }
        case "refresh_token":
            issued = fields["refresh_token"].flatMap(state.refresh)
        default:
            return refusal(400, "unsupported_grant_type")
        }
        guard let issued else { return refusal(401, "invalid_grant") }
        let data = SandboxJSONObject([
            ("access_token", .string(issued.access)), ("token_type", .string("Bearer")),
            ("expires_in", .int(Int(state.settings.tokenLifetime.components.seconds))), ("scope", .string("openapi")),
            ("refresh_token", .string(issued.refresh)),
        ])
        return .json(.object(SandboxJSONObject([("code", .int(200)), ("data", .object(data))])))
            .adding(.cacheControl, "no-store")
    }

    private func refusal(_ status: Int, _ message: String) -> SandboxResponse {
        .json(.object(SandboxJSONObject([("code", .int(status)), ("message", .string(message))])), status: status)
    }

    // MARK: Action

    private func action(_ request: SandboxIncomingRequest) async -> SandboxResponse {
        guard let body = try? SandboxJSON.parse(request.body), let header = body["header"]?.objectValue,
            let namespace = header["namespace"]?.stringValue, let name = header["name"]?.stringValue
        else {
            return errorResponse(status: 400, for: request)
        }
        let echoed = SandboxJSONObject([
            ("namespace", .string(namespace)), ("name", .string(name)),
            ("messageId", header["messageId"] ?? .string("")), ("payloadVersion", .string("1")),
        ])
        func answer(_ payload: SandboxJSON) -> SandboxResponse {
            .json(.object(SandboxJSONObject([("header", .object(echoed)), ("payload", payload)])))
        }
        func error(_ code: String, _ message: String) -> SandboxResponse {
            answer(.object(SandboxJSONObject([("error", .object(Self.error(code, message)))])))
        }
        guard let token = request.bearerToken, state.isLive(token) else {
            return error("INVALID_TOKEN", "Access token missing, expired or malformed.")
        }
        // Due results are applied now; their notifications are posted off the request path.
        state.scheduleDelivery(state.applyDue())
        let payload = body["payload"] ?? .object(SandboxJSONObject())
        if (payload["devices"]?.arrayValue?.count ?? 0) > SandboxUtec.maximumDevicesPerRequest {
            return error(
                "INVALID_PARAMETER", "At most \(SandboxUtec.maximumDevicesPerRequest) devices per request.")
        }
        switch (namespace, name) {
        case ("Uhome.Device", "Discovery"):
            return answer(.object(SandboxJSONObject([("devices", .array(state.records))])))
        case ("Uhome.Device", "Query"):
            return answer(devices(payload) { id, _ in query(id) })
        case ("Uhome.Device", "Command"):
            return answer(devices(payload) { id, entry in command(id, entry["command"]) })
        case ("Uhome.User", "Get"):
            return answer(SandboxFixtures.json("utec/user.json")["payload"] ?? .null)
        case ("Uhome.User", "Logout"):
            state.revoke(token)
            return answer(.object(SandboxJSONObject()))
        case ("Uhome.Configure", "Set"):
            guard let notification = payload["configure"]?["notification"],
                let url = notification["url"]?.stringValue.flatMap(URL.init(string:)),
                ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                let secret = notification["access_token"]?.stringValue, !secret.isEmpty
            else {
                return error("INVALID_PARAMETER", "configure.notification needs url and access_token.")
            }
            state.registerWebhook(url: url, secret: secret)
            return answer(.array([]))
        case ("Uhome.Configure", "Query"):
            let url = state.webhookURL.map { SandboxJSON.string($0.absoluteString) } ?? .null
            let notification = SandboxJSONObject([("url", url)])
            return answer(
                .object(
                    SandboxJSONObject([
                        ("configure", .object(SandboxJSONObject([("notification", .object(notification))])))
                    ])))
        default:
            return error("INVALID_DIRECTIVE", "Unknown namespace or name.")
        }
    }

    /// Compares two texts in time that depends only on their lengths.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0 && left.count == right.count
    }

    /// `{"devices":[…]}` with one answer per requested device.
    private func devices(_ payload: SandboxJSON, _ answer: (String, SandboxJSON) -> SandboxJSONObject) -> SandboxJSON {
        let entries = (payload["devices"]?.arrayValue ?? []).compactMap { entry -> SandboxJSON? in
            guard let id = entry["id"]?.stringValue else { return nil }
            return .object(answer(id, entry))
        }
        return .object(SandboxJSONObject([("devices", .array(entries))]))
    }

    private func query(_ id: String) -> SandboxJSONObject {
        guard let values = state.states(of: id) else {
            return SandboxJSONObject([
                ("id", .string(id)), ("error", .object(Self.error("DEVICE_NOT_FOUND", "No such device."))),
            ])
        }
        guard !state.isOffline(id) else {
            return SandboxJSONObject([
                ("id", .string(id)),
                ("error", .object(Self.error("DEVICE_OFFLINE", "Device is not reachable right now."))),
            ])
        }
        let states = values.map { value in
            SandboxJSON.object(
                SandboxJSONObject([
                    ("capability", .string(value.capability)), ("name", .string(value.name)), ("value", value.value),
                ]))
        }
        return SandboxJSONObject([("id", .string(id)), ("states", .array(states))])
    }

    private func command(_ id: String, _ command: SandboxJSON?) -> SandboxJSONObject {
        let result = state.accept(
            deviceId: id, capability: command?["capability"]?.stringValue ?? "",
            name: command?["name"]?.stringValue ?? "",
            arguments: command?["arguments"])
        switch result {
        case .success(let seconds):
            let ack = SandboxJSONObject([
                ("capability", .string("st.deferredResponse")), ("name", .string("seconds")), ("value", .int(seconds)),
            ])
            return SandboxJSONObject([("id", .string(id)), ("states", .array([.object(ack)]))])
        case .failure(let refusal):
            return SandboxJSONObject([
                ("id", .string(id)), ("error", .object(Self.error(refusal.code, refusal.message))),
            ])
        }
    }

    private static func error(_ code: String, _ message: String) -> SandboxJSONObject {
        SandboxJSONObject([("code", .string(code)), ("message", .string(message))])
    }
}
