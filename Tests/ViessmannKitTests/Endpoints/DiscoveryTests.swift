import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Discovery and features (scenario 1, E1–E4)")
struct DiscoveryTests {
    @Test("installations, gateways and devices parse with numeric ids as text, at the exact paths")
    func discovery() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("installations.json"))
        transport.enqueue(vi("gateways.json"))
        transport.enqueue(vi("devices.json"))
        let client = try apiClient(transport)
        let installations = try await client.installations()
        #expect(installations.map(\.id) == ["4711", "4712"])
        #expect(installations[0].description == "Home")
        #expect(installations[0].alias == "")
        #expect(installations[0].city == "Sampletown")
        #expect(installations[0].aggregatedStatus == "WorksProperly")
        #expect(installations[1].address.isEmpty)
        let gateways = try await client.gateways()
        #expect(
            gateways.first
                == ViessmannGateway(
                    serial: serial, version: "3.4.1.2", status: "Online", installationID: "4711",
                    gatewayType: "VitoconnectOpto2", aggregatedStatus: "WorksProperly", autoUpdate: true,
                    otaOngoing: false,
                    registeredAt: "2021-03-04T10:11:12.000Z", lastStatusChangedAt: "2025-11-01T22:00:00.000Z"))
        #expect(gateways[1].status == "")
        let devices = try await client.devices(installationID: "4711", gatewaySerial: serial)
        #expect(devices.map(\.id) == ["0", "gateway"])
        #expect(devices.map(\.deviceType) == ["heating", "vitoconnect"])
        #expect(devices[0].installationID == "4711" && devices[0].gatewaySerial == serial)
        #expect(devices[0].roles == ["type:heatpump", "type:E3"])
        #expect(devices[0].features.isEmpty)
        #expect(
            transport.requests.map(\.url.absoluteString) == [
                "\(apiBase)/iot/v2/equipment/installations", "\(apiBase)/iot/v2/equipment/gateways",
                "\(apiBase)/iot/v2/equipment/installations/4711/gateways/\(serial)/devices",
            ])
        #expect(transport.requests.allSatisfy { $0.method == .get })
    }

    @Test("an installation, gateway or device without an id is kept with \"\" (spec §3.1); the page is not lost")
    func entryWithoutID() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"data":[{"id":4711,"description":"Home"},{"description":"no id"}]}"#))
        transport.enqueue(.json(200, #"{"data":[{"version":"1","status":"Online"},{"serial":"7571"}]}"#))
        transport.enqueue(.json(200, #"{"data":[{"deviceType":"heating"},{"id":"0","deviceType":"heating"}]}"#))
        let client = try apiClient(transport)
        let installations = try await client.installations()
        #expect(installations.map(\.id) == ["4711", ""])
        #expect(installations[1].description == "no id")
        let gateways = try await client.gateways()
        #expect(gateways.map(\.serial) == ["", "7571"])
        #expect(gateways[0].status == "Online")
        let devices = try await client.devices(installationID: "4711", gatewaySerial: serial)
        #expect(devices.map(\.id) == ["", "0"])
        let refused = await caught { _ = try await client.updateDevice(devices[0], onlyEnabled: true) }
        #expect(refused is ViessmannError, "an empty id is refused before sending")
        #expect(transport.requests.count == 3)
    }

    @Test("equipment cursors are followed until next is \"\"; a repeated cursor is a loop")
    func cursors() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("installations_page1.json"))
        transport.enqueue(vi("installations_page2.json"))
        let client = try apiClient(transport)
        let installations = try await client.installations()
        #expect(installations.map(\.id) == ["4711", "4712"])
        #expect(installations[1].alias == "Lake")
        #expect(transport.requests.last?.url.query == "cursor=c-page-2")
        let looping = MockTransport { _ in vi("installations_page1.json") }
        let error = await caught { _ = try await apiClient(looping).installations() }
        #expect((error as? ViessmannError)?.code == .paginationLoop)
        #expect(looping.requests.count == 2)
    }

    @Test("features: POST …/features/filter with skipDisabled/skipNotReady, never a server-side filter")
    func featuresRequest() async throws {
        let transport = MockTransport { _ in vi("features_device0.json") }
        let client = try apiClient(transport)
        let device = try device0()
        let all = try await client.features(of: device)
        #expect(all.count == 17)
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "\(featuresURL)/filter")
        #expect(request.jsonBody == ["skipDisabled": false, "skipNotReady": false])
        _ = try await client.features(of: device, onlyEnabled: true, names: ["heating.circuits.0.heating.curve.slope"])
        #expect(transport.requests[1].jsonBody == ["skipDisabled": true, "skipNotReady": true])
        #expect(transport.requests.allSatisfy { $0.jsonBody?["filter"] == nil })
    }

    @Test("names match flat or API feature names locally; unknown names give []")
    func localFiltering() async throws {
        let transport = MockTransport { _ in vi("features_device0.json") }
        let client = try apiClient(transport)
        let device = try device0()
        let slope = try await client.features(of: device, names: ["heating.circuits.0.heating.curve.slope"])
        #expect(slope.map(\.name) == ["heating.circuits.0.heating.curve.slope"])
        let curve = try await client.features(of: device, names: ["heating.circuits.0.heating.curve"])
        #expect(
            curve.map(\.name) == ["heating.circuits.0.heating.curve.shift", "heating.circuits.0.heating.curve.slope"])
        #expect(try await client.features(of: device, names: ["heating.nothing"]).isEmpty)
        #expect(try await client.features(of: device, names: []).isEmpty)
    }

    @Test("onlyEnabled is applied here too: enabled and ready")
    func onlyEnabledLocally() async throws {
        let transport = MockTransport { _ in
            .json(
                200,
                #"{"data":[{"feature":"a","isEnabled":true,"isReady":false,"properties":{"value":{"value":1}}},"#
                    + #"{"feature":"b","isEnabled":false,"properties":{"value":{"value":2}}},"#
                    + #"{"feature":"c","properties":{"value":{"value":3}}}]}"#)
        }
        let client = try apiClient(transport)
        let enabled = try await client.features(of: try device0(), onlyEnabled: true)
        #expect(enabled.map(\.name) == ["c"])
        #expect(try await client.features(of: try device0()).count == 3)
    }

    @Test("devices with features: one features request per device; updateDevice reads enabled features")
    func hydration() async throws {
        let transport = MockTransport { request in
            request.url.path.hasSuffix("/devices") ? vi("devices.json") : vi("features_device0.json")
        }
        let client = try apiClient(transport)
        let devices = try await client.devices(installationID: "4711", gatewaySerial: serial, includeFeatures: true)
        #expect(devices.map(\.features.count) == [17, 17])
        #expect(transport.requests.map(\.url.path).last?.contains("/devices/gateway/features/filter") == true)
        let updated = try await client.updateDevice(devices[0].with(features: []))
        #expect(updated.features.count == 17)
        #expect(transport.requests.last?.jsonBody == ["skipDisabled": true, "skipNotReady": true])
    }

    @Test("full installation status reads only the given installation's gateways")
    func fullStatus() async throws {
        let transport = MockTransport { request in
            if request.url.path.hasSuffix("/gateways") { return vi("gateways.json") }
            if request.url.path.hasSuffix("/devices") { return vi("devices.json") }
            return vi("features_device0.json")
        }
        let client = try apiClient(transport)
        let devices = try await client.fullInstallationStatus(installationID: "4711")
        #expect(devices.count == 2)
        #expect(!transport.requests.contains { $0.url.path.contains("7736100000000002") })
        #expect(try await client.fullInstallationStatus(installationID: "4712").isEmpty == false)
    }

    @Test("a single feature: GET …/features/{name}, flattened; 404 carries the feature-not-found body")
    func singleFeature() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("feature_single.json"))
        transport.enqueue(vi("error_feature_not_found.json", 404))
        let client = try apiClient(transport)
        let device = try device0()
        let curve = try await client.feature(named: "heating.circuits.0.heating.curve", of: device)
        #expect(
            curve.map(\.name) == ["heating.circuits.0.heating.curve.shift", "heating.circuits.0.heating.curve.slope"])
        #expect(transport.requests[0].method == .get)
        #expect(transport.requests[0].url.absoluteString == "\(featuresURL)/heating.circuits.0.heating.curve")
        let error = await caught { _ = try await client.feature(named: "heating.nope", of: device) }
        let apiError = try #require(error as? APIError)
        #expect(apiError.status == 404)
        #expect(apiError.vendorError(as: ViessmannServiceError.self)?.errorID == "iot.feature-not-found")
        #expect(apiError.vendorError(as: ViessmannServiceError.self)?.reason == "NOT_FOUND")
    }

    @Test("ids are encoded as single path segments; empty ids are refused before sending")
    func pathEncoding() async throws {
        let transport = MockTransport { _ in .json(200, #"{"data":[]}"#) }
        let client = try apiClient(transport)
        _ = try await client.devices(installationID: "47/11", gatewaySerial: "a b")
        #expect(transport.requests[0].url.absoluteString.contains("installations/47%2F11/gateways/a%20b/devices"))
        let error = await caught { _ = try await client.devices(installationID: "", gatewaySerial: serial) }
        #expect((error as? ViessmannError)?.code == .invalidArgument)
        #expect(transport.requests.count == 1)
    }
}
