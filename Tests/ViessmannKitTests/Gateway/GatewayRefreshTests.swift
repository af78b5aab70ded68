import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Gateway bulk refresh with partial results")
struct GatewayRefreshTests {
    func devices() throws -> [ViessmannDevice] {
        [
            ViessmannDevice(id: "0", gatewaySerial: serial, installationID: "4711"),
            ViessmannDevice(id: "gateway", gatewaySerial: serial, installationID: "4711"),
        ]
    }

    @Test("one POST to the gateway filter, features grouped by the device id in their uri")
    func bulk() async throws {
        let transport = MockTransport { _ in vi("gateway_features.json") }
        let result = try await apiClient(transport).updateGatewayDevices(try devices())
        #expect(result.isComplete)
        #expect(result.devices.map(\.id) == ["0", "gateway"])
        #expect(result.devices[0].features.map(\.name).contains("heating.circuits.0.heating.curve.slope"))
        #expect(result.devices[1].features.map(\.name) == ["gateway.wifi.strength", "gateway.devices.devices"])
        #expect(transport.requests.count == 1)
        let request = try #require(transport.requests.first)
        #expect(
            request.url.absoluteString
                == "\(apiBase)/iot/v2/features/installations/4711/gateways/\(serial)/features/filter")
        #expect(request.jsonBody == ["includeDevicesFeatures": true, "skipDisabled": true, "skipNotReady": true])
    }

    @Test("a device missing from the bulk answer is read on its own; its DEVICE_NOT_FOUND is recorded, the rest kept")
    func missingDevice() async throws {
        var input = try devices()
        input.append(ViessmannDevice(id: "7", gatewaySerial: serial, installationID: "4711"))
        let transport = MockTransport { request in
            if request.url.path.hasSuffix("/gateways/\(serial)/features/filter") { return vi("gateway_features.json") }
            return vi("error_device_not_found.json", 404)
        }
        let result = try await apiClient(transport).updateGatewayDevices(input)
        #expect(result.devices.count == 3)
        #expect(result.devices[2] == input[2])
        #expect(result.errors.keys.sorted() == ["7"])
        #expect((result.errors["7"] as? APIError)?.vendorCode == "DEVICE_NOT_FOUND")
        #expect(transport.requests.last?.url.path.contains("/devices/7/features/filter") == true)
    }

    @Test("a bulk DEVICE_COMMUNICATION_ERROR falls back to one request per device; offline devices are recorded")
    func fallback() async throws {
        let transport = MockTransport { request in
            let path = request.url.path
            if path.hasSuffix("/gateways/\(serial)/features/filter") { return vi("error_device_offline.json", 400) }
            if path.contains("/devices/0/") { return vi("features_device0.json") }
            return vi("error_device_offline.json", 400)
        }
        let result = try await apiClient(transport).updateGatewayDevices(try devices())
        #expect(result.devices[0].features.count == 17)
        #expect(result.errors.keys.sorted() == ["gateway"])
        #expect(transport.requests.count == 3)
    }

    @Test(
        "a device whose own answer is malformed (HTML, truncated, wrong shape) is recorded; the others are kept",
        arguments: [
            MockResponse.json(200, "<html>oops</html>"), .json(200, #"{"data":[{"feature":"#),
            .json(200, #"{"data":[1,2]}"#),
        ])
    func malformedDevice(_ broken: MockResponse) async throws {
        let transport = MockTransport { request in
            let path = request.url.path
            if path.hasSuffix("/gateways/\(serial)/features/filter") { return vi("error_device_offline.json", 400) }
            if path.contains("/devices/0/") { return vi("features_device0.json") }
            return broken
        }
        let result = try await apiClient(transport).updateGatewayDevices(try devices())
        #expect(result.devices.map(\.id) == ["0", "gateway"])
        #expect(result.devices[0].features.count == 17)
        #expect(result.devices[1] == (try devices())[1])
        #expect(result.errors.keys.sorted() == ["gateway"])
        let error = try #require(result.errors["gateway"])
        let apiKind = (error as? APIError)?.kind
        #expect(
            apiKind == .invalidResponse || apiKind == .decoding
                || (error as? ViessmannError)?.code == .invalidResponse, "\(error)")
    }

    @Test("auth, 429, 5xx and transport failures end the whole call")
    func fatal() async throws {
        for response in [
            vi("error_rate_limit.json", 429), vi("error_internal.json", 500), MockResponse.failure(.timedOut),
        ] {
            let transport = MockTransport { _ in response }
            let error = await caught { _ = try await apiClient(transport).updateGatewayDevices(try devices()) }
            #expect(error is APIError)
        }
        let perDevice = MockTransport { request in
            request.url.path.hasSuffix("/gateways/\(serial)/features/filter")
                ? .json(200, #"{"data":[]}"#) : vi("error_internal.json", 500)
        }
        #expect(await caught { _ = try await apiClient(perDevice).updateGatewayDevices(try devices()) } is APIError)
    }

    @Test("mixed gateways, duplicate ids or no devices are refused before any request")
    func preconditions() async throws {
        let transport = MockTransport()
        let client = try apiClient(transport)
        let mixed = [try devices()[0], ViessmannDevice(id: "1", gatewaySerial: "other", installationID: "4711")]
        let twice = [try devices()[0], try devices()[0]]
        for input in [mixed, twice, []] {
            let error = await caught { _ = try await client.updateGatewayDevices(input) }
            #expect((error as? ViessmannError)?.code == .invalidArgument)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("device ids come from the percent-decoded uri, else deviceId")
    func deviceIDs() {
        #expect(ViessmannClient.deviceID(of: ["uri": "https://x/y/devices/a%20b/features/f"]) == "a b")
        #expect(ViessmannClient.deviceID(of: ["deviceId": "3"]) == "3")
        #expect(ViessmannClient.deviceID(of: ["uri": "https://x/y"]) == nil)
    }
}
