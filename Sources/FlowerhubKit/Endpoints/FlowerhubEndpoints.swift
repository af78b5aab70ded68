import AuthCore
import Foundation
import HTTPTypes
import Logging

/// Every portal request as an AuthCore ``Endpoint``, built in one place: method, path, the
/// portal's error-envelope decoder (``FlowerhubErrorEnvelope``) and the typed decoding.
///
/// A successful body is read once, by its endpoint: AuthCore's ``JSONResponse/parse(_:)`` turns
/// a body that is not JSON at all (empty, an HTML page, malformed) into an ``APIError``, then the
/// endpoint's parser reads the JSON leniently where the portal is inconsistent and throws a
/// ``PayloadIssue`` where its shape is wrong. Error bodies are read only by the envelope decoder.
enum FlowerhubEndpoints {
    /// The login body.
    private struct Credentials: Encodable {
        let username: String
        let password: String
    }

    private static let acceptJSON: HTTPFields = [.accept: "application/json"]

    /// `POST /auth/login` with `{"username","password"}`; unauthenticated, body marked secret.
    ///
    /// The pipeline finds the `password` member itself and removes every spelling an echo of it
    /// may take from errors; the decoding removes it from the successful body too, so neither the
    /// returned text and JSON nor an invalid-response payload can quote it.
    static func login(username: String, password: Secret) throws -> Endpoint<FlowerhubReply<FlowerhubLoginResponse>> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try APIRequestBody.json(
            Credentials(username: username, password: password.revealed), encoder: encoder)
        return Endpoint(
            method: .post, path: FlowerhubPaths.login, headers: acceptJSON, body: body, requiresAuthentication: false,
            containsSecrets: true, secrets: [password], errorDecoder: FlowerhubErrorEnvelope.decoder,
            decode: decoding(removing: [password]) { json throws(PayloadIssue) in try AuthParsers.login(json) }
        )
    }

    /// `GET /auth/refresh-token`, which AuthCore's ``CookieSession`` sends itself (the jar adds the
    /// `Refresh` cookie).
    ///
    /// A 2xx refresh renews the cookies. Its body is only a hint: the owner id is taken from it
    /// (wrapped or flat user) when it holds a valid one; a body that holds none keeps the previous
    /// owner id, since the session itself was renewed. That is logged at debug level, without the body.
    static func refresh(owner: FlowerhubSessionOwner, logger: Logger?) -> Endpoint<Void> {
        Endpoint(
            method: .get, path: FlowerhubPaths.refreshToken, headers: acceptJSON, requiresAuthentication: false,
            containsSecrets: true, errorDecoder: FlowerhubErrorEnvelope.decoder
        ) { response in
            do throws(PayloadIssue) {
                owner.assetOwnerId = try AuthParsers.refreshedOwnerId(try? JSONValue(jsonData: response.body))
                logger?.debug("session refreshed", metadata: ["status": "\(response.status)"])
            } catch {
                logger?.debug(
                    "session refreshed; the body names no valid owner id, keeping the previous one",
                    metadata: ["reason": "\(error.message)", "status": "\(response.status)"]
                )
            }
        }
    }

    /// `GET /asset-owner/{owner}/withAssetId`: the asset id, `nil` for `"assetId": null`.
    static func assetId(owner: Int) -> Endpoint<FlowerhubReply<Int?>> {
        get(FlowerhubPaths.withAssetId(owner: owner)) { json throws(PayloadIssue) in try AssetParsers.assetId(json) }
    }

    /// `GET /asset/{id}`: the validated asset, its status stamped with `timeSource` when the answer arrives.
    static func asset(_ id: Int, timeSource: any TimeSource) -> Endpoint<FlowerhubReply<FlowerhubAssetFetch>> {
        get(FlowerhubPaths.asset(id)) { json throws(PayloadIssue) in
            try AssetParsers.assetFetch(json, now: timeSource.now)
        }
    }

    /// `GET /system-notification/{slug}`: the body is not interpreted; its JSON, or `nil` (the
    /// usual empty body, or text that is not JSON). Never a payload error.
    static func systemNotification(slug: String) -> Endpoint<FlowerhubReply<JSONValue?>> {
        Endpoint(
            method: .get, path: FlowerhubPaths.systemNotification(slug), headers: acceptJSON,
            errorDecoder: FlowerhubErrorEnvelope.decoder
        ) { response in
            let json = try? JSONValue(jsonData: response.body)
            return FlowerhubReply(
                status: response.status, url: response.url, body: response.body, json: json, value: json)
        }
    }

    /// `GET /asset-owner/{owner}/electricity-agreement`.
    static func electricityAgreement(owner: Int) -> Endpoint<FlowerhubReply<FlowerhubElectricityAgreement>> {
        get(FlowerhubPaths.electricityAgreement(owner: owner)) { json throws(PayloadIssue) in
            try AgreementParser.agreement(json)
        }
    }

    /// `GET /asset-owner/{owner}/invoice`.
    static func invoices(owner: Int) -> Endpoint<FlowerhubReply<[FlowerhubInvoice]>> {
        get(FlowerhubPaths.invoices(owner: owner)) { json throws(PayloadIssue) in try InvoiceParser.invoices(json) }
    }

    /// `GET /asset-owner/{owner}/consumption`.
    static func consumption(owner: Int) -> Endpoint<FlowerhubReply<[FlowerhubConsumptionRecord]>> {
        get(FlowerhubPaths.consumption(owner: owner)) { json throws(PayloadIssue) in
            try ConsumptionParser.records(json)
        }
    }

    /// `GET /asset-owner/{owner}/profile`.
    static func profile(owner: Int) -> Endpoint<FlowerhubReply<FlowerhubAssetOwnerProfile>> {
        get(FlowerhubPaths.profile(owner: owner)) { json throws(PayloadIssue) in try OwnerParsers.profile(json) }
    }

    /// `GET /asset-owner/{owner}`.
    static func assetOwner(_ owner: Int) -> Endpoint<FlowerhubReply<FlowerhubAssetOwnerDetails>> {
        get(FlowerhubPaths.assetOwner(owner)) { json throws(PayloadIssue) in try OwnerParsers.details(json) }
    }

    /// `GET /asset/{id}/revenue`.
    static func revenue(asset: Int) -> Endpoint<FlowerhubReply<FlowerhubRevenue>> {
        get(FlowerhubPaths.revenue(asset: asset)) { json throws(PayloadIssue) in try OwnerParsers.revenue(json) }
    }

    /// `GET /asset-effective-uptime/available-months/{id}`.
    static func uptimeMonths(asset: Int) -> Endpoint<FlowerhubReply<[FlowerhubUptimeMonth]>> {
        get(FlowerhubPaths.uptimeAvailableMonths(asset: asset)) { json throws(PayloadIssue) in
            try UptimeParsers.months(json)
        }
    }

    /// `GET /asset-effective-uptime/bar-chart/history/{id}`.
    static func uptimeHistory(asset: Int) -> Endpoint<FlowerhubReply<[FlowerhubUptimeHistoryEntry]>> {
        get(FlowerhubPaths.uptimeHistory(asset: asset)) { json throws(PayloadIssue) in
            try UptimeParsers.history(json)
        }
    }

    /// `GET /asset-effective-uptime/pie-chart/{id}?period=YYYY-MM` (AuthCore encodes the query).
    static func uptimePie(asset: Int, period: String) -> Endpoint<FlowerhubReply<FlowerhubUptimePie>> {
        get(FlowerhubPaths.uptimePie(asset: asset), query: [URLQueryItem(name: "period", value: period)]) {
            json throws(PayloadIssue) in try UptimeParsers.pie(json)
        }
    }

    /// An authenticated `GET` of `path` whose JSON body `parse` reads.
    private static func get<Value: Sendable>(
        _ path: String,
        query: [URLQueryItem] = [],
        parse: @escaping @Sendable (JSONValue?) throws(PayloadIssue) -> Value
    ) -> Endpoint<FlowerhubReply<Value>> {
        Endpoint(
            method: .get, path: path, query: query, headers: acceptJSON, errorDecoder: FlowerhubErrorEnvelope.decoder,
            decode: decoding(parse)
        )
    }

    /// The decoding of every JSON endpoint: `secrets` removed from the body, the body parsed once
    /// (a body that is not JSON is AuthCore's ``APIError``), then read by `parse`. A
    /// ``PayloadIssue`` leaves with the JSON it refused.
    static func decoding<Value: Sendable>(
        removing secrets: [Secret] = [],
        _ parse: @escaping @Sendable (JSONValue?) throws(PayloadIssue) -> Value
    ) -> @Sendable (RawResponse) throws -> FlowerhubReply<Value> {
        { response in
            var response = response
            if !secrets.isEmpty { response.body = ErrorPayload.removing(secrets.map(\.revealed), from: response.body) }
            let json = try JSONResponse.parse(response)
            do throws(PayloadIssue) {
                let value = try parse(json)
                return FlowerhubReply(
                    status: response.status, url: response.url, body: response.body, json: json, value: value)
            } catch {
                var issue = error
                issue.json = json
                issue.bodySize = response.body.count
                throw issue
            }
        }
    }
}
