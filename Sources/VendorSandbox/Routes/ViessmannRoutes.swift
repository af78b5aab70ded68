import Foundation
import HTTPTypes

extension SandboxVendor {
    /// The Viessmann IoT API and its IAM server, under `/viessmann`.
    public static let viessmann = SandboxVendor("viessmann")
}

extension SandboxRoute {
    /// The Viessmann routes (every endpoint ViessmannKit calls).
    public enum Viessmann: String, CaseIterable, Sendable {
        /// `GET /iam/authorize`.
        case authorize
        /// `POST /iam/token`.
        case token
        /// `GET /api/iot/v2/equipment/installations`.
        case installations
        /// `GET /api/iot/v2/equipment/gateways`.
        case gateways
        /// `GET …/installations/{id}/gateways/{serial}/devices`.
        case devices
        /// `POST …/devices/{id}/features/filter`.
        case features
        /// `GET …/devices/{id}/features/{name}`.
        case feature
        /// `POST …/devices/{id}/features/{name}/commands/{command}`.
        case command
        /// `POST …/gateways/{serial}/features/filter`.
        case gatewayFeatures
        /// `POST /api/iot/v1/analytics-api/dataLake/chronos/v0/thermal_energy`.
        case analytics
        /// `GET /api/iot/v2/events-history/installations/{id}/events`.
        case events
    }

    /// One Viessmann route.
    public static func viessmann(_ route: Viessmann) -> SandboxRoute {
        SandboxRoute(vendor: .viessmann, name: route.rawValue)
    }
}

/// The Viessmann IoT API and IAM: PKCE sign-in, equipment, features whose commands change the
/// values on the next read, analytics and event history, answered from `Fixtures/viessmann`.
struct ViessmannRoutes: SandboxVendorModule {
    let vendor = SandboxVendor.viessmann
    let pathPrefix = "/viessmann"
    let state: SandboxViessmann

    static let productionAPI = "https://api.viessmann-climatesolutions.com"

    var endpoints: [SandboxEndpoint] {
        typealias Route = SandboxRoute.Viessmann
        let equipment = "/api/iot/v2/equipment/installations/:installation/gateways/:gateway"
        let features = "/api/iot/v2/features/installations/:installation/gateways/:gateway"
        return [
            SandboxEndpoint(Route.authorize.rawValue, ["GET"], "/iam/authorize") { request, _ in authorize(request) },
            SandboxEndpoint(Route.token.rawValue, ["POST"], "/iam/token") { request, _ in token(request) },
            api(.installations, ["GET"], "/api/iot/v2/equipment/installations") { request, _ in
                fixture("installations.json", request)
            },
            api(.gateways, ["GET"], "/api/iot/v2/equipment/gateways") { request, _ in fixture("gateways.json", request)
            },
            api(.devices, ["GET"], equipment + "/devices") { request, parameters in
                if isKnownGateway(parameters) { return fixture("devices.json", request) }
                // The account's second gateway (installation 4712) has no devices yet.
                if parameters["installation"] == "4712", parameters["gateway"] == "7736100000000002" {
                    return .json(.object(SandboxJSONObject([("data", .array([]))])))
                }
                return deviceNotFound()
            },
            api(.features, ["POST"], features + "/devices/:device/features/filter") { request, parameters in
                guard isKnownGateway(parameters), let list = state.features(of: parameters["device"] ?? "") else {
                    return deviceNotFound()
                }
                return featureList(list, request)
            },
            api(.command, ["POST"], features + "/devices/:device/features/:feature/commands/:command") {
                request, parameters in command(request, parameters)
            },
            api(.feature, ["GET"], features + "/devices/:device/features/:feature") { request, parameters in
                guard isKnownGateway(parameters), let list = state.features(of: parameters["device"] ?? "") else {
                    return deviceNotFound()
                }
                guard let match = list.first(where: { $0["feature"]?.stringValue == parameters["feature"] }) else {
                    return .json(SandboxFixtures.json("viessmann/error_feature_not_found.json"), status: 404)
                }
                return rewritten(.object(SandboxJSONObject([("data", match)])), request)
            },
            api(.gatewayFeatures, ["POST"], features + "/features/filter") { request, parameters in
                guard isKnownGateway(parameters) else { return deviceNotFound() }
                let all = (state.features(of: "0") ?? []) + (state.features(of: "gateway") ?? [])
                return featureList(all, request)
            },
            api(.analytics, ["POST"], "/api/iot/v1/analytics-api/dataLake/chronos/v0/thermal_energy") { request, _ in
                guard let body = try? SandboxJSON.parse(request.body), body["gateway_id"] != nil,
                    body["properties"]?.arrayValue != nil
                else { return validationError("gateway_id and properties are required", path: "properties") }
                return fixture("analytics.json", request)
            },
            api(.events, ["GET"], "/api/iot/v2/events-history/installations/:installation/events") {
                request, parameters in
                guard parameters["installation"] == SandboxViessmann.installationID else { return deviceNotFound() }
                let page = request.query("cursor") == "ev-cursor-2" ? "events_page2.json" : "events_page1.json"
                return fixture(page, request)
            },
        ]
    }

    /// Viessmann's error bodies: its JSON for every status, as the API sends them.
    func errorResponse(status: Int, for request: SandboxIncomingRequest) -> SandboxResponse {
        switch status {
        case 401: return .json(SandboxFixtures.json("viessmann/error_unauthorized.json"), status: 401)
        case 429: return .json(SandboxFixtures.json("viessmann/error_rate_limit.json"), status: 429)
        case 500...599: return .json(SandboxFixtures.json("viessmann/error_internal.json"), status: status)
        default:
            let body = SandboxJSONObject([
                ("viErrorId", .string("sandbox-\(status)")), ("statusCode", .int(status)),
                ("errorType", .string(status == 404 ? "NOT_FOUND" : "BAD_REQUEST")),
                ("message", .string(SandboxStatusText.reason(status))),
            ])
            return .json(.object(body), status: status)
        }
    }

    func reset() {
        state.reset()
    }

    // MARK: - IAM

    private func authorize(_ request: SandboxIncomingRequest) -> SandboxResponse {
        guard request.query("client_id") == state.settings.clientID else {
            return oauthError("invalid_client", "unknown client_id")
        }
        guard request.query("response_type") == "code", request.query("code_challenge_method") == "S256",
            let challenge = request.query("code_challenge"), challenge.count >= 43,
            let redirect = request.query("redirect_uri"), var target = URLComponents(string: redirect),
            target.scheme != nil,
            Self.hasRequiredScopes(Self.scopes(request))
        else {
            return oauthError(
                "invalid_request", "PKCE S256, a redirect_uri and the IoT User and offline_access scopes are required")
        }
        let code = state.issueCode(challenge: challenge, redirectURI: redirect)
        // Encoded by hand: `queryItems =` leaves `+` as is, which a form decoder turns into a space.
        var query = target.percentEncodedQuery.map { [$0] } ?? []
        query.append("code=" + Self.encodeQueryValue(code))
        if let stateValue = request.query("state") { query.append("state=" + Self.encodeQueryValue(stateValue)) }
        target.percentEncodedQuery = query.joined(separator: "&")
        return SandboxResponse(status: 302, headers: [.location: target.string ?? redirect], body: Data())
    }

    private func token(_ request: SandboxIncomingRequest) -> SandboxResponse {
        let form = Dictionary(request.formFields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard form["client_id"] == state.settings.clientID else {
            return oauthError("invalid_client", "unknown client")
        }
        let issued: (access: String, refresh: String)?
        switch form["grant_type"] {
        case "authorization_code":
            guard let code = form["code"], let verifier = form["code_verifier"], let redirect = form["redirect_uri"]
            else { return oauthError("invalid_request", "code, code_verifier and redirect_uri are required") }
            issued = state.redeem(code: code, verifier: verifier, redirectURI: redirect)
        case "refresh_token":
            issued = form["refresh_token"].flatMap(state.refresh)
        default:
            return oauthError("unsupported_grant_type", "use authorization_code or refresh_token")
        }
        guard let issued else { return oauthError("invalid_grant", "the code or refresh token is not valid") }
        let body = SandboxJSONObject([
            ("access_token", .string(issued.access)), ("refresh_token", .string(issued.refresh)),
            ("token_type", .string("Bearer")),
            ("expires_in", .int(Int(state.settings.accessTokenLifetime.components.seconds))),
        ])
        return .json(.object(body))
    }

    /// The requested scopes; a query's `+` is a space (HTML form encoding, as browsers send it).
    static func scopes(_ request: SandboxIncomingRequest) -> [String] {
        let raw = request.rawQuery?.split(separator: "&").first { $0.hasPrefix("scope=") }?.dropFirst(6) ?? ""
        let text = SandboxIncomingRequest.decode(Substring(raw), plusIsSpace: true)
        return text.split(separator: " ").map(String.init)
    }

    /// Both of Viessmann's scopes: `IoT User` (two words, adjacent) and `offline_access`.
    static func hasRequiredScopes(_ scopes: [String]) -> Bool {
        scopes.contains("offline_access") && zip(scopes, scopes.dropFirst()).contains { $0 == "IoT" && $1 == "User" }
    }

    /// `text` with everything outside RFC 3986's unreserved characters percent-encoded.
    static func encodeQueryValue(_ text: String) -> String {
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private func oauthError(_ code: String, _ description: String) -> SandboxResponse {
        .json(
            .object(SandboxJSONObject([("error", .string(code)), ("error_description", .string(description))])),
            status: 400)
    }

    // MARK: - API

    private func api(
        _ route: SandboxRoute.Viessmann, _ methods: Set<String>, _ template: String,
        answer: @escaping @Sendable (SandboxIncomingRequest, [String: String]) -> SandboxResponse
    ) -> SandboxEndpoint {
        let module = self
        return SandboxEndpoint(route.rawValue, methods, template) { request, parameters in
            guard module.state.isAuthorized(request.bearerToken) else {
                return module.errorResponse(status: 401, for: request)
            }
            return answer(request, parameters)
        }
    }

    private func isKnownGateway(_ parameters: [String: String]) -> Bool {
        parameters["installation"] == SandboxViessmann.installationID
            && parameters["gateway"] == SandboxViessmann.gatewaySerial
    }

    private func deviceNotFound() -> SandboxResponse {
        .json(SandboxFixtures.json("viessmann/error_device_not_found.json"), status: 404)
    }

    private func validationError(_ message: String, path: String) -> SandboxResponse {
        let body = SandboxJSONObject([
            ("viErrorId", .string("sandbox-validation")), ("statusCode", .int(400)),
            ("errorType", .string("VALIDATION_ERROR")), ("message", .string("Validation Error")),
            (
                "validationErrors",
                .array([.object(SandboxJSONObject([("message", .string(message)), ("path", .string(path))]))])
            ),
        ])
        return .json(.object(body), status: 400)
    }

    private func fixture(_ name: String, _ request: SandboxIncomingRequest) -> SandboxResponse {
        rewritten(SandboxFixtures.json("viessmann/\(name)"), request)
    }

    /// The answer with the production API host replaced by the sandbox's, so command URIs lead back here.
    private func rewritten(_ json: SandboxJSON, _ request: SandboxIncomingRequest) -> SandboxResponse {
        let text = json.text.replacingOccurrences(of: Self.productionAPI, with: request.origin + "/viessmann/api")
        return SandboxResponse(
            status: 200, headers: [.contentType: "application/json; charset=utf-8"], body: Data(text.utf8))
    }

    private func featureList(_ list: [SandboxJSON], _ request: SandboxIncomingRequest) -> SandboxResponse {
        let body = (try? SandboxJSON.parse(request.body)) ?? .object(SandboxJSONObject())
        let skipDisabled = body["skipDisabled"] == .bool(true)
        let skipNotReady = body["skipNotReady"] == .bool(true)
        let kept = list.filter { feature in
            !(skipDisabled && feature["isEnabled"] == .bool(false))
                && !(skipNotReady && feature["isReady"] == .bool(false))
        }
        return rewritten(.object(SandboxJSONObject([("data", .array(kept))])), request)
    }

    private func command(_ request: SandboxIncomingRequest, _ parameters: [String: String]) -> SandboxResponse {
        guard isKnownGateway(parameters), let device = parameters["device"], let list = state.features(of: device),
            let name = parameters["feature"], let commandName = parameters["command"],
            let feature = list.first(where: { $0["feature"]?.stringValue == name }),
            let definition = feature["commands"]?[commandName]?.objectValue
        else { return .json(SandboxFixtures.json("viessmann/error_feature_not_found.json"), status: 404) }
        guard definition["isExecutable"] != .bool(false) else {
            return validationError("the command is not executable now", path: commandName)
        }
        guard case .object(let payload)? = try? SandboxJSON.parse(request.body) else {
            return validationError("the body must be a JSON object", path: "")
        }
        let params = definition["params"]?.objectValue ?? SandboxJSONObject()
        for key in params.keys where params[key]?["required"] != .bool(false) && payload[key] == nil {
            return validationError("\"\(key)\" is required", path: key)
        }
        for (key, value) in payload.members {
            guard let param = params[key] else { return validationError("\"\(key)\" is not allowed", path: key) }
            if let problem = Self.problem(value, param) { return validationError("\"\(key)\" \(problem)", path: key) }
        }
        guard state.execute(device: device, feature: name, command: commandName, payload: payload) else {
            return .json(SandboxFixtures.json("viessmann/error_feature_not_found.json"), status: 404)
        }
        return .json(SandboxFixtures.json("viessmann/command_success.json"))
    }

    /// What the API's own validation says about a value, or `nil` when it passes.
    static func problem(_ value: SandboxJSON, _ param: SandboxJSON) -> String? {
        let constraints = param["constraints"]
        switch (param["type"]?.stringValue, value) {
        case ("number", .number(let text)):
            guard let number = Double(text) else { return "must be a number" }
            if let min = constraints?["min"]?.doubleValue, number < min { return "must be at least \(min)" }
            if let max = constraints?["max"]?.doubleValue, number > max {
                return "must be less than or equal to \(max)"
            }
            return nil
        case ("string", .string(let text)):
            if let options = constraints?["enum"]?.arrayValue, !options.contains(.string(text)) {
                return "must be one of the allowed values"
            }
            if let max = constraints?["maxLength"]?.doubleValue, Double(text.count) > max { return "is too long" }
            return nil
        case ("boolean", .bool), ("Schedule", .object):
            return nil
        case ("number", _), ("string", _), ("boolean", _), ("Schedule", _):
            return "has the wrong type"
        default:
            return nil
        }
    }
}
