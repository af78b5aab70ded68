import AuthCore
import Foundation
import HTTPTypes

/// The fixture adapter: an `HTTPTransport` that answers the API's requests for one mock device
/// from its captured features, so the mock client runs the same endpoints, parsers and command
/// rules as the live one. Commands succeed without changing anything.
struct ViessmannFixtureTransport: HTTPTransport {
    static let installationID = "99999"
    static let gatewaySerial = "MOCK_GATEWAY_SERIAL"

    let deviceName: String
    let features: Data
    let analytics: Data?

    func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        let path = request.path?.split(separator: "?").first.map(String.init) ?? ""
        let url = URL(string: "https://mock.invalid\(path)")!
        func answer(_ json: JSONValue, status: HTTPResponse.Status = .ok) throws -> RawResponse {
            var head = HTTPResponse(status: status)
            head.headerFields[.contentType] = "application/json"
            return RawResponse(head: head, body: try json.jsonData(), url: url)
        }
        switch (request.method, path) {
        case (.get, _) where path.hasSuffix("/equipment/installations"):
            return try answer([
                "data": [
                    [
                        "id": 99999, "description": .string("Mock Installation (\(deviceName))"), "alias": "Mock Home",
                        "address": ["city": "Mock City"],
                    ]
                ]
            ])
        case (.get, _) where path.hasSuffix("/equipment/gateways"):
            return try answer([
                "data": [
                    [
                        "serial": .string(Self.gatewaySerial), "version": "1.0.0", "status": "connected",
                        "installationId": 99999,
                    ]
                ]
            ])
        case (.get, _) where path.hasSuffix("/devices"):
            let type = deviceName.hasPrefix("Vitopure") ? "ventilation" : "heating"
            return try answer([
                "data": [
                    [
                        "id": "0", "modelId": .string(deviceName), "deviceType": .string(type),
                        "status": "connected",
                    ]
                ]
            ])
        case (.post, _) where path.hasSuffix("/features/filter"):
            var head = HTTPResponse(status: .ok)
            head.headerFields[.contentType] = "application/json"
            return RawResponse(head: head, body: features, url: url)
        case (.get, _) where path.contains("/features/"):
            let name = String(path.split(separator: "/").last ?? "").removingPercentEncoding ?? ""
            let json = try JSONValue(jsonData: features)
            if let match = json["data"]?.arrayValue?.first(where: { $0["feature"]?.stringValue == name }) {
                return try answer(["data": match])
            }
            return try answer(
                [
                    "viErrorId": "iot.feature-not-found", "errorType": "DEVICE_LEVEL_ERROR",
                    "message": "Feature not found", "reason": "NOT_FOUND",
                ], status: .notFound)
        case (.post, _) where path.contains("/commands/"):
            return try answer(["data": ["success": true, "reason": "COMMAND_EXECUTION_SUCCESS"]])
        case (.post, _) where path.hasSuffix("/thermal_energy"):
            guard let analytics else { return try answer(["data": [:]]) }
            var head = HTTPResponse(status: .ok)
            head.headerFields[.contentType] = "application/json"
            return RawResponse(head: head, body: analytics, url: url)
        case (.get, _) where path.hasSuffix("/events"):
            return try answer(["cursor": ["next": ""], "data": []])
        default:
            return try answer(
                ["viErrorId": "mock", "errorType": "NOT_FOUND", "message": "No such mock endpoint"], status: .notFound)
        }
    }
}
