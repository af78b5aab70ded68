import AuthCore
import Foundation
import HTTPTypes
import Logging
import TestSupport
import VendorFixtures

@testable import ViessmannKit

/// The API base the tests expect in recorded requests.
let apiBase = "https://api.viessmann-climatesolutions.com"
/// The gateway serial of the fixtures.
let serial = "7736100000000001"
/// `U` of the spec: the features URL of device 0.
let featuresURL = "\(apiBase)/iot/v2/features/installations/4711/gateways/\(serial)/devices/0/features"

/// A Viessmann fixture as a scripted response.
func vi(_ name: String, _ status: Int = 200, headers: HTTPFields = [:]) -> MockResponse {
    .fixture(status, "viessmann/\(name)", headers: headers)
}

/// The bytes of a Viessmann fixture.
func fixture(_ name: String) throws -> Data {
    try Fixture.data("viessmann/\(name)")
}

/// The flat features of a features fixture.
func flatFeatures(_ name: String) throws -> [ViessmannFeature] {
    try ViessmannFeatureFlattener.features(from: fixture(name))
}

/// Device 0 of the fixtures with the features of `fixtureName`.
func device0(_ fixtureName: String = "features_device0.json") throws -> ViessmannDevice {
    ViessmannDevice(
        id: "0", gatewaySerial: serial, installationID: "4711", modelID: "E3_Vitocal_16", deviceType: "heating",
        status: "Online", features: try flatFeatures(fixtureName))
}

/// A client whose tokens come from a fixed host provider.
func apiClient(
    _ transport: MockTransport, clock: TestClock = TestClock(), logger: Logger? = nil,
    configure: (inout ViessmannClient.Configuration) -> Void = { _ in }
) throws -> ViessmannClient {
    var configuration = ViessmannClient.Configuration(
        clientID: "my-client-123", tokens: .provider(ClosureTokenProvider { Secret("mock_access_token") }),
        timeSource: clock, random: .seeded(7))
    configure(&configuration)
    return try ViessmannClient(configuration: configuration, transport: transport, logger: logger)
}

/// A folder of its own under the temporary directory, for token files.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vi-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `body` and returns the error it threw, or `nil`.
func caught(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
