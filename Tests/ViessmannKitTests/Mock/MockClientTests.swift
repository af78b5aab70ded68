import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import ViessmannKit

@Suite("The mock client: a named device's fixtures offline")
struct MockClientTests {
    static func catalog() throws -> ViessmannMockCatalog {
        try ViessmannMockCatalog(directory: Fixture.url("viessmann"), prefix: "device-")
    }

    @Test("the catalog lists devices without the analytics files; an unknown name lists the available ones")
    func catalogNames() throws {
        let catalog = try Self.catalog()
        #expect(catalog.availableDevices == ["Vitocal250A", "Vitopure350"])
        do {
            _ = try ViessmannMockClient(device: "Vitodens999", catalog: catalog)
            Issue.record("unknown device accepted")
        } catch let error as ViessmannError {
            #expect(error.code == .unknownMockDevice)
            #expect(error.message.contains("Vitocal250A, Vitopure350"))
        }
        #expect(throws: ViessmannError.self) {
            try ViessmannMockClient(device: "Vitocal250A_analytics", catalog: catalog)
        }
        #expect(try catalog.features(of: "Vitocal250A") == fixture("device-Vitocal250A.json"))
        #expect(try catalog.features(of: "Vitopure350") == fixture("device-Vitopure350.json"))
        #expect(catalog.analytics(of: "Vitocal250A") == (try fixture("device-Vitocal250A_analytics.json")))
    }

    @Test("fixed records: installation 99999, MOCK_GATEWAY_SERIAL, device 0 with the model and its type")
    func records() async throws {
        let mock = try ViessmannMockClient(device: "Vitocal250A", catalog: try Self.catalog())
        let installation = try #require(try await mock.installations().first)
        #expect(installation.id == "99999")
        #expect(installation.description == "Mock Installation (Vitocal250A)")
        #expect(installation.alias == "Mock Home")
        #expect(installation.city == "Mock City")
        #expect(
            try await mock.gateways() == [
                ViessmannGateway(
                    serial: "MOCK_GATEWAY_SERIAL", version: "1.0.0", status: "connected", installationID: "99999")
            ])
        let device = try #require(try await mock.devices().first)
        #expect(device.id == "0" && device.modelID == "Vitocal250A" && device.deviceType == "heating")
        let ventilation = try ViessmannMockClient(device: "Vitopure350", catalog: try Self.catalog())
        #expect(try await ventilation.devices().first?.deviceType == "ventilation")
    }

    @Test("features: compressor outlet, writable curve with 0.2…3.5, local name and enabled filters")
    func features() async throws {
        let mock = try ViessmannMockClient(device: "Vitocal250A", catalog: try Self.catalog())
        let device = try await mock.device()
        #expect(device.feature(named: "heating.compressors.0.sensors.temperature.outlet")?.value == 52.1)
        let slope = try #require(device.feature(named: "heating.circuits.0.heating.curve.slope"))
        #expect(slope.control?.min == 0.2 && slope.control?.max == 3.5)
        #expect(device.feature(named: "heating.circuits.0.operating.modes.active")?.isWritable == true)
        let named = try await mock.features(of: device, names: ["heating.circuits.0.heating.curve.slope"])
        #expect(named.count == 1)
        let all = try await mock.features(of: device)
        let enabled = try await mock.features(of: device, onlyEnabled: true)
        #expect(enabled.count <= all.count)
        #expect(try await mock.feature(named: "heating.circuits.0.heating.curve", of: device).count == 2)
        let missing = await caught { _ = try await mock.feature(named: "heating.nope", of: device) }
        #expect((missing as? APIError)?.status == 404)
        #expect(try await mock.updateDevice(device).features.isEmpty == false)
    }

    @Test("setting a value is validated and then succeeds offline")
    func set() async throws {
        let mock = try ViessmannMockClient(device: "Vitocal250A", catalog: try Self.catalog())
        let device = try await mock.device()
        let result = try await mock.setFeature("heating.circuits.0.heating.curve.slope", to: 1.4, on: device)
        #expect(result.response.success)
        #expect(result.device.feature(named: "heating.circuits.0.heating.curve.slope")?.value == 1.4)
        let invalid = await caught {
            _ = try await mock.setFeature("heating.circuits.0.heating.curve.slope", to: 9, on: device)
        }
        #expect((invalid as? ViessmannError)?.rule == .maximum)
        let feature = try #require(device.feature(named: "heating.dhw.temperature.main"))
        #expect(try await mock.executeCommand(of: feature, parameters: ["temperature": 45]).success)
    }

    @Test("consumption comes from <name>_analytics, or is empty without one")
    func consumption() async throws {
        let heatPump = try ViessmannMockClient(device: "Vitocal250A", catalog: try Self.catalog())
        let values = try await heatPump.consumption(of: try await heatPump.device(), start: "a", end: "b")
        #expect(values.map(\.value) == [3.1, 12.4, 15.5])
        let ventilation = try ViessmannMockClient(device: "Vitopure350", catalog: try Self.catalog())
        #expect(try await ventilation.consumption(of: try await ventilation.device(), start: "a", end: "b").isEmpty)
        let inMemory = ViessmannMockCatalog(devices: ["X": try fixture("features_device0.json")])
        #expect(try await ViessmannMockClient(device: "X", catalog: inMemory).device().features.count == 17)
    }
}
