import AuthCore
import Foundation
import HTTPTypes

/// Every request ViessmannKit sends, as an AuthCore `Endpoint` with its typed decoding and
/// Viessmann's error-envelope decoder. The client's calls build one of these and send it with
/// ``ViessmannClient/send(_:)``; nothing else reaches the API.
enum ViessmannEndpoints {
    /// One page of a `{"cursor":{"next"},"data":[…]}` list: the entries and the next cursor.
    struct Page<Entry: Sendable>: Sendable {
        var entries: [Entry]
        var next: String?
    }

    static func installations(cursor: String?) -> Endpoint<Page<ViessmannInstallation>> {
        list(ViessmannPaths.installations, cursor: cursor, what: "installations", ViessmannEquipmentParser.installation)
    }

    static func gateways(cursor: String?) -> Endpoint<Page<ViessmannGateway>> {
        list(ViessmannPaths.gateways, cursor: cursor, what: "gateways", ViessmannEquipmentParser.gateway)
    }

    static func devices(installationID: String, gatewaySerial: String, cursor: String?) -> Endpoint<
        Page<ViessmannDevice>
    > {
        list(
            ViessmannPaths.devices(installationID: installationID, gatewaySerial: gatewaySerial), cursor: cursor,
            what: "devices"
        ) { object in
            try ViessmannEquipmentParser.device(object, installationID: installationID, gatewaySerial: gatewaySerial)
        }
    }

    /// E4: `POST …/features/filter` with `skipDisabled`/`skipNotReady`; never a server-side name filter.
    static func features(installationID: String, gatewaySerial: String, deviceID: String, onlyEnabled: Bool)
        -> Endpoint<[ViessmannFeature]>
    {
        Endpoint(
            method: .post,
            path: ViessmannPaths.featuresFilter(
                installationID: installationID, gatewaySerial: gatewaySerial, deviceID: deviceID),
            body: jsonBody(["skipDisabled": .bool(onlyEnabled), "skipNotReady": .bool(onlyEnabled)]),
            isIdempotent: true, errorDecoder: ViessmannErrorEnvelope.api,
            decode: { response in
                let json = try ViessmannResponseReader.json(response)
                return try ViessmannFeatureFlattener.features(
                    in: ViessmannResponseReader.dataList(json, what: "features"))
            })
    }

    /// `GET …/features/{name}`: one API feature (`{"data":{…}}`), flattened.
    static func feature(installationID: String, gatewaySerial: String, deviceID: String, name: String)
        -> Endpoint<[ViessmannFeature]>
    {
        Endpoint(
            method: .get,
            path: ViessmannPaths.feature(
                installationID: installationID, gatewaySerial: gatewaySerial, deviceID: deviceID, name: name),
            errorDecoder: ViessmannErrorEnvelope.api,
            decode: { response in
                let json = try ViessmannResponseReader.json(response)
                guard case .object(let feature)? = json["data"] else {
                    throw ViessmannError(.invalidResponse, "the feature answer's data is not an object")
                }
                return try ViessmannFeatureFlattener.features(in: [.object(feature)])
            })
    }

    /// The gateway-level filter: every device's features in one answer, as raw API features.
    static func gatewayFeatures(installationID: String, gatewaySerial: String) -> Endpoint<[[String: JSONValue]]> {
        Endpoint(
            method: .post,
            path: ViessmannPaths.gatewayFeaturesFilter(installationID: installationID, gatewaySerial: gatewaySerial),
            body: jsonBody([
                "includeDevicesFeatures": true, "skipDisabled": true, "skipNotReady": true,
            ]),
            isIdempotent: true, errorDecoder: ViessmannErrorEnvelope.api,
            decode: { response in
                try ViessmannResponseReader.dataObjects(ViessmannResponseReader.json(response), what: "features")
            })
    }

    /// E5: a command, posted once (never repeated).
    ///
    /// Spec §3.1/§4.1: an empty 2xx body counts as `{}`, and a missing `success` means `false`.
    /// The one exception is a `202 Accepted` or `204 No Content` without a body: those statuses say
    /// "accepted, nothing to report" by definition, so they are a success (the original read them
    /// as a failure, spec bug B7). A non-empty body that is not JSON is an `invalidResponse` error
    /// (spec scenario 10), never a silent result.
    static func command(uri: String, payload: [String: JSONValue]) -> Endpoint<ViessmannCommandResponse> {
        Endpoint(
            method: .post, path: uri, body: jsonBody(.object(payload)), isIdempotent: false,
            errorDecoder: ViessmannErrorEnvelope.api,
            decode: { response in
                if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                    let status = response.head.status.code
                    return ViessmannCommandResponse(success: status == 202 || status == 204)
                }
                return try ViessmannEquipmentParser.commandResponse(ViessmannResponseReader.json(response))
            })
    }

    /// E6: the thermal-energy analytics.
    static func analytics(body: JSONValue) -> Endpoint<JSONValue> {
        Endpoint(
            method: .post, path: ViessmannPaths.analytics, body: jsonBody(body), isIdempotent: true,
            errorDecoder: ViessmannErrorEnvelope.api,
            decode: { response in try ViessmannResponseReader.json(response) })
    }

    /// One page of the event history.
    static func events(installationID: String, query: [URLQueryItem]) -> Endpoint<ViessmannEventPage> {
        Endpoint(
            method: .get, path: ViessmannPaths.events(installationID: installationID), query: query,
            errorDecoder: ViessmannErrorEnvelope.api,
            decode: { response in try ViessmannEventParser.page(ViessmannResponseReader.json(response)) })
    }

    private static func list<Entry: Sendable>(
        _ path: String, cursor: String?, what: String,
        _ parse: @escaping @Sendable ([String: JSONValue]) throws -> Entry
    ) -> Endpoint<Page<Entry>> {
        Endpoint(
            method: .get, path: path, query: cursor.map { [URLQueryItem(name: "cursor", value: $0)] } ?? [],
            errorDecoder: ViessmannErrorEnvelope.api,
            decode: { response in
                let json = try ViessmannResponseReader.json(response)
                let entries = try ViessmannResponseReader.dataObjects(json, what: what).map(parse)
                return Page(entries: entries, next: ViessmannResponseReader.nextCursor(json))
            })
    }

    /// A JSON body with members sorted by name, numbers written exactly as given.
    static func jsonBody(_ value: JSONValue) -> APIRequestBody {
        APIRequestBody(data: (try? value.jsonData()) ?? Data("{}".utf8), contentType: "application/json")
    }
}
