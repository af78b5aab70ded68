import Foundation
import HTTPTypes

extension SandboxVendor {
    /// Microsoft Entra ID's token endpoint, under `/entra` (the authority host).
    public static let entra = SandboxVendor("entra")
}

extension SandboxRoute {
    /// Entra ID's routes.
    public enum Entra: String, CaseIterable, Sendable {
        /// `POST /{tenant}/oauth2/v2.0/token`.
        case token
    }

    /// One Entra ID route.
    public static func entra(_ route: Entra) -> SandboxRoute {
        SandboxRoute(vendor: .entra, name: route.rawValue)
    }
}

/// Entra ID's v2.0 token endpoint for the client-credentials grant: a form body in, a bearer
/// token or an AADSTS error body out.
struct EntraRoutes: SandboxVendorModule {
    let vendor = SandboxVendor.entra
    let pathPrefix = "/entra"
    let state: SandboxEntra
    let clock: SandboxClock

    var endpoints: [SandboxEndpoint] {
        [
            SandboxEndpoint(SandboxRoute.Entra.token.rawValue, ["POST"], "/:tenant/oauth2/v2.0/token") {
                request, parameters in
                token(request, tenant: parameters["tenant"] ?? "")
            }
        ]
    }

    /// Entra ID's error bodies: `invalid_client` for 401, `temporarily_unavailable` for 429 and 5xx,
    /// `invalid_request` otherwise.
    func errorResponse(status: Int, for request: SandboxIncomingRequest) -> SandboxResponse {
        switch status {
        case 401:
            return SandboxResponse(
                status: 401, headers: [.contentType: "application/json; charset=utf-8"],
                body: SandboxFixtures.data("odyn/token-error-invalid-client.json"))
        case 429, 500...599:
            return refusal(
                SandboxEntra.Refusal(
                    status: status, error: "temporarily_unavailable", code: 90_033,
                    description: "A transient error has occurred. Please try again."))
        default:
            return refusal(
                SandboxEntra.Refusal(
                    status: status, error: "invalid_request", code: 900_000 + status,
                    description: "The request could not be processed (\(SandboxStatusText.reason(status)))."))
        }
    }

    func reset() {
        state.reset()
    }

    private func token(_ request: SandboxIncomingRequest, tenant: String) -> SandboxResponse {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        var fields: [String: String] = [:]
        if type.hasPrefix("application/x-www-form-urlencoded") {
            for (name, value) in request.formFields where fields[name] == nil { fields[name] = value }
        }
        var clientId = fields["client_id"]
        var clientSecret = fields["client_secret"]
        // client_secret_basic: Entra ID also accepts the credentials in an HTTP Basic header.
        if let basic = Self.basicCredentials(request.headers[.authorization]) {
            clientId = clientId ?? basic.id
            clientSecret = clientSecret ?? basic.secret
        }
        let result = state.issue(
            tenant: tenant, grantType: fields["grant_type"], clientId: clientId, clientSecret: clientSecret,
            scope: fields["scope"])
        switch result {
        case .success(let token):
            let body = SandboxJSONObject([
                ("token_type", .string("Bearer")), ("expires_in", .int(token.lifetime)),
                ("ext_expires_in", .int(token.lifetime)), ("access_token", .string(token.accessToken)),
            ])
            return SandboxResponse.json(.object(body)).adding(.cacheControl, "no-store, no-cache")
        case .failure(let refusal):
            return self.refusal(refusal)
        }
    }

    /// An AADSTS error body with fresh trace and correlation ids.
    private func refusal(_ refusal: SandboxEntra.Refusal) -> SandboxResponse {
        let trace = SandboxIDs.guid(random: true)
        let correlation = SandboxIDs.guid(random: true)
        let iso = SandboxHTTPDate.iso8601(clock.now)
        let timestamp = String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8)) + "Z"
        let body = SandboxJSONObject([
            ("error", .string(refusal.error)),
            (
                "error_description",
                .string(
                    "AADSTS\(refusal.code): \(refusal.description) Trace ID: \(trace) Correlation ID: \(correlation) "
                        + "Timestamp: \(timestamp)")
            ),
            ("error_codes", .array([.int(refusal.code)])),
            ("timestamp", .string(timestamp)),
            ("trace_id", .string(trace)),
            ("correlation_id", .string(correlation)),
            ("error_uri", .string("https://login.microsoftonline.com/error?code=\(refusal.code)")),
        ])
        return .json(.object(body), status: refusal.status)
    }

    private static func basicCredentials(_ header: String?) -> (id: String, secret: String)? {
        guard let header, header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces))
        else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let id = String(text[..<colon]).removingPercentEncodingOrSelf
        let secret = String(text[text.index(after: colon)...]).removingPercentEncodingOrSelf
        return (id, secret)
    }
}
