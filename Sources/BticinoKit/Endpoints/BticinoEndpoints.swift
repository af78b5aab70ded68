import AuthCore
import Foundation
import HTTPTypes

/// Every request as an `Endpoint`, built in one place with its decoding. Every REST call is a
/// `POST` with a JSON body carrying `app_type` and `app_version`; errors are read by
/// ``BticinoErrorEnvelope/netatmo``.
enum BticinoEndpoints {
    static let appType = "app_camera"

    static func body(_ members: [String: JSONValue]) throws -> APIRequestBody {
        do {
            return APIRequestBody(data: try JSONValue.object(members).jsonData(), contentType: contentType)
        } catch {
            throw BticinoError(.invalidRequest, "the request body cannot be encoded")
        }
    }

    static let contentType = "application/json; charset=utf-8"

    static func post<Response: Sendable>(
        _ path: String, _ members: [String: JSONValue], idempotent: Bool,
        decode: @escaping @Sendable (BticinoReply) throws -> Response
    ) throws -> Endpoint<Response> {
        var headers = HTTPFields()
        headers[.accept] = "application/json"
        return Endpoint(
            method: .post, path: path, headers: headers, body: try body(members), isIdempotent: idempotent,
            errorDecoder: BticinoErrorEnvelope.netatmo,
            decode: { response in try decode(BticinoReply.read(response)) })
    }

    static func common(appVersion: String) -> [String: JSONValue] {
        ["app_type": .string(appType), "app_version": .string(appVersion)]
    }

    static func deviceTypes(_ types: [BticinoModuleType]?) -> [String: JSONValue] {
        guard let types else { return [:] }
        return ["device_types": .array(types.map { .string($0.rawValue) })]
    }

    static func topology(appVersion: String, deviceTypes types: [BticinoModuleType]?) throws -> Endpoint<
        BticinoTopology
    > {
        var members = common(appVersion: appVersion).merging(deviceTypes(types)) { $1 }
        members["sync_measurements"] = .bool(false)
        return try post(BticinoPaths.homesData, members, idempotent: true, decode: BticinoTopologyParser.parse)
    }

    static func homeStatus(appVersion: String, homeID: String, deviceTypes types: [BticinoModuleType]?) throws
        -> Endpoint<BticinoHomeStatus>
    {
        var members = common(appVersion: appVersion).merging(deviceTypes(types)) { $1 }
        members["home_id"] = .string(homeID)
        return try post(BticinoPaths.homeStatus, members, idempotent: true) {
            BticinoStatusParser.parse($0, homeID: homeID)
        }
    }

    /// The `setstate` body: the module is `{"id": …}` merged with the state (a state `id` is
    /// ignored, so it cannot redirect the command), then `bridge` when it differs from the module.
    static func setStateBody(
        appVersion: String, homeID: String, moduleID: String, state: [String: JSONValue], timezone: String?,
        bridgeID: String?
    ) -> [String: JSONValue] {
        var module = state
        module["id"] = .string(moduleID)
        if let bridgeID, !bridgeID.isEmpty, bridgeID != moduleID { module["bridge"] = .string(bridgeID) }
        var home: [String: JSONValue] = ["id": .string(homeID), "modules": .array([.object(module)])]
        if let timezone, !timezone.isEmpty { home["timezone"] = .string(timezone) }
        var members = common(appVersion: appVersion)
        members["home"] = .object(home)
        return members
    }

    static func setState(_ members: [String: JSONValue]) throws -> Endpoint<BticinoSetStateResult> {
        try post(BticinoPaths.setState, members, idempotent: false, decode: BticinoMiscParsers.setState)
    }

    static func events(appVersion: String, homeID: String, size: Int) throws -> Endpoint<[BticinoEvent]> {
        var members = common(appVersion: appVersion)
        members["home_id"] = .string(homeID)
        members["size"] = .number(JSONNumber(size))
        return try post(BticinoPaths.events, members, idempotent: true, decode: BticinoEventParser.parse)
    }

    static func turn() throws -> Endpoint<[BticinoICEServer]> {
        try post("", ["client_type": "user"], idempotent: true, decode: BticinoMiscParsers.iceServers)
    }

    static func getConfigs(homeID: String, moduleIDs: [String]) throws -> Endpoint<[BticinoModuleConfig]> {
        let members: [String: JSONValue] = [
            "module_ids": .array(moduleIDs.map(JSONValue.string)), "home_id": .string(homeID),
            "app_identifier": .string(appType),
        ]
        return try post(BticinoPaths.getConfigs, members, idempotent: true, decode: BticinoMiscParsers.configs)
    }

    static func setConfigs(
        homeID: String, moduleID: String, type: BticinoModuleType, lastConfigsUpdate: Int, key: String,
        value: JSONValue
    ) throws -> Endpoint<BticinoSetStateResult> {
        let module: [String: JSONValue] = [
            "id": .string(moduleID), "type": .string(type.rawValue),
            "last_configs_update": .number(JSONNumber(lastConfigsUpdate)), key: value,
        ]
        let members: [String: JSONValue] = [
            "app_identifier": .string(appType),
            "home": .object(["id": .string(homeID), "modules": .array([.object(module)])]),
        ]
        return try post(BticinoPaths.setConfigs, members, idempotent: false, decode: BticinoMiscParsers.setState)
    }
}
