import Foundation
import HTTPTypes

extension SandboxVendor {
    /// The Netatmo cloud for BTicino intercoms, under `/bticino` (REST, OAuth, TURN and the push websocket).
    public static let bticino = SandboxVendor("bticino")
}

extension SandboxRoute {
    /// The Netatmo routes BticinoKit calls.
    public enum Bticino: String, CaseIterable, Sendable {
        /// `POST /oauth2/token` (password and refresh grants).
        case token
        /// `POST /api/homesdata`.
        case homesData
        /// `POST /syncapi/v1/homestatus`.
        case homeStatus
        /// `POST /syncapi/v1/setstate`.
        case setState
        /// `POST /api/getevents`.
        case events
        /// `POST /syncapi/v1/getconfigs`.
        case getConfigs
        /// `POST /syncapi/v1/setconfigs`.
        case setConfigs
        /// `POST /api/getcredentials` (TURN).
        case turn
    }

    /// One BTicino route.
    public static func bticino(_ route: Bticino) -> SandboxRoute {
        SandboxRoute(vendor: .bticino, name: route.rawValue)
    }
}

/// Netatmo's token endpoint and the REST calls BticinoKit makes, answered from `Fixtures/bticino`
/// with a stateful door lock and staircase light. The push websocket is ``BticinoPushServer``.
struct BticinoRoutes: SandboxVendorModule {
    let vendor = SandboxVendor.bticino
    let pathPrefix = "/bticino"
    let state: SandboxBticino

    var endpoints: [SandboxEndpoint] {
        typealias Route = SandboxRoute.Bticino
        return [
            SandboxEndpoint(Route.token.rawValue, ["POST"], "/oauth2/token") { request, _ in token(request) },
            authenticated(.homesData, "/api/homesdata") { _, _ in .json(SandboxFixtures.json("bticino/homesdata.json"))
            },
            authenticated(.homeStatus, "/syncapi/v1/homestatus") { _, body in homeStatus(body) },
            authenticated(.setState, "/syncapi/v1/setstate") { _, body in setState(body) },
            authenticated(.events, "/api/getevents") { _, body in
                knownHome(body["home_id"]) ? .json(SandboxFixtures.json("bticino/getevents.json")) : unknownHome()
            },
            authenticated(.getConfigs, "/syncapi/v1/getconfigs") { _, body in getConfigs(body) },
            authenticated(.setConfigs, "/syncapi/v1/setconfigs") { _, body in setConfigs(body) },
            authenticated(.turn, "/api/getcredentials") { _, _ in .json(SandboxFixtures.json("bticino/turn.json")) },
        ]
    }

    /// Netatmo's REST error body `{"error":{"code","message"}}`; a 401 as an invalid token.
    func errorResponse(status: Int, for request: SandboxIncomingRequest) -> SandboxResponse {
        switch status {
        case 401: return Self.apiError(401, code: 2, "Invalid access token")
        case 403: return Self.apiError(403, code: 13, "Operation forbidden")
        case 429: return Self.apiError(429, code: 26, "User usage reached")
        case 500...599: return Self.apiError(status, code: 11, "Internal error")
        default: return Self.apiError(status, code: 21, SandboxStatusText.reason(status))
        }
    }

    /// Netatmo's gateway page.
    func htmlErrorPage(status: Int) -> SandboxResponse {
        if status == 502 {
            return .text(
                SandboxFixtures.text("bticino/error-502.html"), status: 502, contentType: "text/html; charset=utf-8")
        }
        let reason = SandboxStatusText.reason(status)
        return .text(
            "<html><head><title>\(status) \(reason)</title></head><body><h1>\(reason)</h1></body></html>\n",
            status: status, contentType: "text/html; charset=utf-8")
    }

    func reset() {
        state.reset()
    }

    static func apiError(_ status: Int, code: Int, _ message: String) -> SandboxResponse {
        .json(
            .object(
                SandboxJSONObject([
                    ("error", .object(SandboxJSONObject([("code", .int(code)), ("message", .string(message))])))
                ])),
            status: status)
    }

    static func oauthError(_ error: String, _ description: String, status: Int = 400) -> SandboxResponse {
        .json(
            .object(SandboxJSONObject([("error", .string(error)), ("error_description", .string(description))])),
            status: status)
    }

    private func unknownHome() -> SandboxResponse {
        Self.apiError(400, code: 21, "Invalid home id")
    }

    private func knownHome(_ value: SandboxJSON?) -> Bool {
        value?.stringValue == SandboxBticino.IDs.home || value?.stringValue == "6100000000000000000000b2"
    }

    /// A route that needs `Authorization: Bearer <live token>` and a JSON object body.
    private func authenticated(
        _ route: SandboxRoute.Bticino, _ template: String,
        handle: @escaping @Sendable (SandboxIncomingRequest, SandboxJSONObject) -> SandboxResponse
    ) -> SandboxEndpoint {
        SandboxEndpoint(route.rawValue, ["POST"], template) { request, _ in
            let header = request.headers[.authorization] ?? ""
            let token = header.lowercased().hasPrefix("bearer ") ? String(header.dropFirst(7)) : nil
            switch state.check(token) {
            case .invalid: return Self.apiError(403, code: 2, "Invalid access token")
            case .expired: return Self.apiError(403, code: 3, "Access token expired")
            case .valid: break
            }
            guard let json = try? SandboxJSON.parse(request.body), let object = json.objectValue else {
                return Self.apiError(400, code: 21, "Invalid JSON body")
            }
            return handle(request, object)
        }
    }

    private func token(_ request: SandboxIncomingRequest) -> SandboxResponse {
        var fields: [String: String] = [:]
        for (name, value) in request.formFields where fields[name] == nil { fields[name] = value }
        let settings = state.settings
        guard fields["client_id"] == settings.clientId, fields["client_secret"] == settings.clientSecret else {
            return Self.oauthError("invalid_client", "Invalid client", status: 400)
        }
        switch fields["grant_type"] {
        case "password":
            guard fields["username"] == settings.username, fields["password"] == settings.password else {
                return Self.oauthError("invalid_grant", "Invalid credentials")
            }
            guard fields["scope"] != nil, fields["app_version"] != nil else {
                return Self.oauthError("invalid_request", "scope and app_version are required")
            }
        case "refresh_token":
            guard let refresh = fields["refresh_token"], state.useRefreshToken(refresh) else {
                return Self.oauthError("invalid_grant", "Invalid refresh token")
            }
        default:
            return Self.oauthError("unsupported_grant_type", "Unsupported grant type")
        }
        let issued = state.issue()
        let body = SandboxJSONObject([
            ("access_token", .string(issued.access)), ("refresh_token", .string(issued.refresh)),
            ("expires_in", .int(issued.lifetime)), ("expire_in", .int(issued.lifetime)),
            ("scope", .array([.string("security_scopes")])),
        ])
        return SandboxResponse.json(.object(body)).adding(.cacheControl, "no-store")
    }

    private func homeStatus(_ body: SandboxJSONObject) -> SandboxResponse {
        guard body["home_id"]?.stringValue == SandboxBticino.IDs.home else { return unknownHome() }
        var json = SandboxFixtures.json("bticino/homestatus.json")
        guard case .object(var root) = json, case .object(var content)? = root["body"],
            case .object(var home)? = content["home"], case .array(let modules)? = home["modules"]
        else { return .json(json) }
        home["modules"] = .array(
            modules.map { module in
                guard case .object(var object) = module, let id = object["id"]?.stringValue else { return module }
                object["reachable"] = .bool(state.isReachable(id))
                if id == SandboxBticino.IDs.lock { object["lock"] = .bool(state.isLocked) }
                if id == SandboxBticino.IDs.light { object["status"] = .string(state.isLightOn ? "on" : "off") }
                return .object(object)
            })
        content["home"] = .object(home)
        root["body"] = .object(content)
        json = .object(root)
        return .json(json)
    }

    private func setState(_ body: SandboxJSONObject) -> SandboxResponse {
        guard let home = body["home"]?.objectValue, home["id"]?.stringValue == SandboxBticino.IDs.home,
            let modules = home["modules"]?.arrayValue, !modules.isEmpty
        else { return unknownHome() }
        var errors: [SandboxJSON] = []
        for module in modules {
            guard let object = module.objectValue, let id = object["id"]?.stringValue else {
                return Self.apiError(400, code: 21, "Invalid module")
            }
            var changes: [String: SandboxJSON] = [:]
            for key in object.keys where !["id", "bridge"].contains(key) { changes[key] = object[key] }
            if id != SandboxBticino.IDs.bridge, object["bridge"]?.stringValue != SandboxBticino.IDs.bridge {
                errors.append(Self.commandError(code: 5, command: changes.keys.sorted().first ?? "state", id: id))
                continue
            }
            if let code = state.apply(module: id, state: changes) {
                errors.append(Self.commandError(code: code, command: changes.keys.sorted().first ?? "state", id: id))
            }
        }
        var members: [(String, SandboxJSON)] = [
            ("status", .string("ok")), ("time_server", .int(Int(Date().timeIntervalSince1970))),
        ]
        if !errors.isEmpty {
            members.append(("body", .object(SandboxJSONObject([("errors", .array(errors))]))))
        }
        return .json(.object(SandboxJSONObject(members)))
    }

    private static func commandError(code: Int, command: String, id: String) -> SandboxJSON {
        .object(SandboxJSONObject([("code", .int(code)), ("command", .string(command)), ("id", .string(id))]))
    }

    private func getConfigs(_ body: SandboxJSONObject) -> SandboxResponse {
        guard knownHome(body["home_id"]) else { return unknownHome() }
        let ids = (body["module_ids"]?.arrayValue ?? []).compactMap(\.stringValue)
        let modules: [SandboxJSON] = ids.map { id in
            var entry = SandboxJSONObject([("id", .string(id)), ("type", .string("BNC1"))])
            if let saved = state.config(id), let json = try? SandboxJSON.parse(Data(saved.utf8)) {
                entry["do_not_disturb"] = json
            } else {
                entry["do_not_disturb"] = .object(SandboxJSONObject([("enabled", .bool(false))]))
            }
            return .object(entry)
        }
        let home = SandboxJSONObject([("id", body["home_id"] ?? .null), ("modules", .array(modules))])
        return .json(
            .object(
                SandboxJSONObject([
                    ("status", .string("ok")), ("body", .object(SandboxJSONObject([("home", .object(home))]))),
                ])))
    }

    private func setConfigs(_ body: SandboxJSONObject) -> SandboxResponse {
        guard let home = body["home"]?.objectValue, knownHome(home["id"]),
            let module = home["modules"]?.arrayValue?.first?.objectValue, let id = module["id"]?.stringValue,
            module["last_configs_update"] != nil
        else { return Self.apiError(400, code: 21, "Invalid configuration") }
        if let config = module["do_not_disturb"] { state.setConfig(id, json: config.text) }
        return .json(SandboxFixtures.json("bticino/setstate-ok.json"))
    }
}
