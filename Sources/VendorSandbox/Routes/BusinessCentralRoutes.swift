import Foundation
import HTTPTypes

extension SandboxVendor {
    /// Business Central's API, under `/bc` (`/bc/v2.0/{tenant}/{environment}/api/v2.0/`).
    public static let businessCentral = SandboxVendor("businessCentral")
}

extension SandboxRoute {
    /// Business Central's routes: one per entity set (reads and writes alike), and `$batch`.
    public enum BusinessCentral: String, CaseIterable, Sendable {
        /// `companies` and `companies({id})`.
        case companies
        /// `companies({id})/customers…`.
        case customers
        /// `companies({id})/vendors…`.
        case vendors
        /// `companies({id})/items…`.
        case items
        /// `companies({id})/salesOrders…`, bound actions included.
        case salesOrders
        /// `companies({id})/salesOrderLines…` and `salesOrders({id})/salesOrderLines…`.
        case salesOrderLines
        /// `POST $batch`.
        case batch
    }

    /// One Business Central route.
    public static func businessCentral(_ route: BusinessCentral) -> SandboxRoute {
        SandboxRoute(vendor: .businessCentral, name: route.rawValue)
    }
}

/// Business Central's API v2.0: bearer tokens from ``SandboxEntra``, OData reads with query
/// options and server-driven paging, writes with ETags, bound actions and JSON `$batch`.
struct BusinessCentralRoutes: SandboxVendorModule {
    let vendor = SandboxVendor.businessCentral
    let pathPrefix = "/bc"
    let state: SandboxBusinessCentral
    let entra: SandboxEntra
    let clock: SandboxClock

    /// The JSON content type Business Central answers with.
    static let contentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8"

    var endpoints: [SandboxEndpoint] {
        SandboxRoute.BusinessCentral.allCases.map { route in
            SandboxEndpoint(
                route.rawValue, route == .batch ? ["POST"] : ["GET", "POST", "PATCH", "DELETE"],
                match: { path in
                    guard let parts = Self.split(path), let target = try? ODataTarget.parse(parts.apiPath),
                        target.routeName == route.rawValue
                    else { return nil }
                    return ["tenant": parts.tenant, "environment": parts.environment, "apiPath": parts.apiPath]
                },
                handle: { request, parameters in handle(request, parameters) })
        }
    }

    /// Business Central's error body for `status`, in the words it uses for that status.
    func errorResponse(status: Int, for request: SandboxIncomingRequest) -> SandboxResponse {
        switch status {
        case 401:
            return Self.fixtureError("odyn/error-unauthorized.json", status: 401)
                .adding(.wwwAuthenticate, "Bearer error=\"invalid_token\"")
        case 404: return Self.error(404, "BadRequest_NotFound", "Resource not found for the segment.")
        case 409, 412: return Self.fixtureError("odyn/error-entity-changed.json", status: status)
        case 428: return Self.fixtureError("odyn/error-missing-if-match.json", status: status)
        case 429: return Self.fixtureError("odyn/error-throttled.json", status: 429)
        case 403:
            return Self.error(403, "Authorization_InsufficientPermissions", "You do not have the permissions needed.")
        case 405:
            return Self.error(
                405, "BadRequest_MethodNotAllowed",
                "'\(request.method)' requests are not allowed for this resource within Dynamics 365 Business Central.")
        case 500: return Self.error(500, "Internal_ServerError", "An unexpected error occurred.")
        case 501...599: return Self.error(status, "Unknown", "The service is temporarily unavailable.")
        default: return Self.error(status, "BadRequest", "The request is invalid.")
        }
    }

    func reset() {
        state.reset()
    }

    private func handle(_ request: SandboxIncomingRequest, _ parameters: [String: String]) -> SandboxResponse {
        guard entra.isLive(request.bearerToken) else { return errorResponse(status: 401, for: request) }
        let tenant = parameters["tenant"] ?? ""
        let environment = parameters["environment"] ?? ""
        guard tenant.lowercased() == entra.settings.tenantId.lowercased() else {
            return Self.error(404, "BadRequest_NotFound", "The tenant '\(tenant)' was not found.")
        }
        guard environment == state.settings.environment else {
            return Self.error(404, "BadRequest_NotFound", "The environment '\(environment)' was not found.")
        }
        let serviceRoot =
            "\(request.origin)\(pathPrefix)/v2.0/\(BusinessCentralAPI.encode(tenant))/"
            + "\(BusinessCentralAPI.encode(environment))/api/v2.0/"
        let apiPath = parameters["apiPath"] ?? ""
        if apiPath == "$batch" { return batch(request, serviceRoot: serviceRoot) }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let operation = BusinessCentralOperation(
            method: request.method, path: apiPath, query: request.queryItems, headers: headers, body: request.body,
            serviceRoot: serviceRoot)
        let now = clock.now
        return state.withStore { store, settings in
            BusinessCentralAPI.execute(operation, store: &store, settings: settings, now: now)
        }
    }

    /// `/v2.0/{tenant}/{environment}/api/v2.0/{apiPath}` split into its parts; `nil` for another shape.
    static func split(_ path: String) -> (tenant: String, environment: String, apiPath: String)? {
        let parts = path.split(separator: "/", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].isEmpty, parts[1] == "v2.0", !parts[2].isEmpty, !parts[3].isEmpty,
            parts[4] == "api"
        else { return nil }
        let rest = parts[5]
        guard rest.hasPrefix("v2.0/") else { return nil }
        return (String(parts[2]), String(parts[3]), String(rest.dropFirst(5)))
    }

    /// A Business Central error body: `{"error":{"code","message"}}`, the message ending with a
    /// fresh correlation id as Business Central writes it.
    static func error(_ status: Int, _ code: String, _ message: String) -> SandboxResponse {
        let text = "\(message)  CorrelationId:  \(SandboxIDs.guid(random: true))."
        let body = SandboxJSONObject([
            ("error", .object(SandboxJSONObject([("code", .string(code)), ("message", .string(text))])))
        ])
        return .json(.object(body), status: status, contentType: contentType)
    }

    /// The error for a refused request.
    static func error(_ error: ODataRequestError) -> SandboxResponse {
        self.error(error.status, error.code, error.message)
    }

    /// A fixture's error body with `status`.
    static func fixtureError(_ path: String, status: Int) -> SandboxResponse {
        SandboxResponse(status: status, headers: [.contentType: contentType], body: SandboxFixtures.data(path))
    }
}
