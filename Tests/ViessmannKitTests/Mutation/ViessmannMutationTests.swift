import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import ViessmannKit

/// Every Viessmann fixture, mutated, through the call that reads it: a value or a typed error,
/// never a crash, an untyped error or a hang.
@Suite("Viessmann fixtures under mutation")
struct ViessmannMutationTests {
    /// The benchmark payload: 1,216 copies of the shapes `features_heating_system.json` already covers.
    static let excluded: Set<String> = ["viessmann/features_large.json"]

    static func isTyped(_ error: any Error) -> Bool {
        error is APIError || error is ViessmannError
    }

    /// The status an error fixture is served with.
    static let statuses: [String: Int] = [
        "error_validation.json": 400, "error_unauthorized.json": 401, "error_forbidden.json": 403,
        "error_feature_not_found.json": 404, "error_device_not_found.json": 404, "error_device_offline.json": 400,
        "error_internal.json": 500, "error_rate_limit.json": 429, "error_rate_limit_10min.json": 429,
        "token_error_invalid_grant.json": 400,
    ]

    /// A client whose every API answer is `body`; token answers likewise for token fixtures.
    static func client(serving body: Data, status: Int, tokens: ViessmannTokenSource? = nil) throws
        -> ViessmannClient
    {
        let transport = MockTransport { _ in .status(status, body: body, headers: [.contentType: "application/json"]) }
        return try ViessmannClient(
            configuration: .init(
                clientID: "my-client-123",
                tokens: tokens ?? .provider(ClosureTokenProvider { Secret("mock_access_token") }),
                timeSource: TestClock()),
            transport: transport)
    }

    static func reader(for path: String) -> MutationSuite.Reader {
        let name = String(path.split(separator: "/").last ?? "")
        let status = statuses[name] ?? 200
        return { _, body in
            let client = try client(serving: body, status: status)
            let device = try device0()
            switch name {
            case _ where name.hasPrefix("installations"): _ = try await client.installations()
            case "gateways.json": _ = try await client.gateways()
            case "devices.json": _ = try await client.devices(installationID: "4711", gatewaySerial: serial)
            case "feature_single.json":
                _ = try await client.feature(named: "heating.circuits.0.heating.curve", of: device)
            case "gateway_features.json": _ = try await client.updateGatewayDevices([device])
            case _ where name.hasPrefix("command_"):
                _ = try await client.setFeature("heating.circuits.0.heating.curve.slope", to: 1.4, on: device)
            case _ where name.hasPrefix("analytics") || name.hasSuffix("_analytics.json"):
                _ = try await client.consumption(of: device, start: "a", end: "b")
            case _ where name.hasPrefix("events_"): _ = try await client.eventHistory(installationID: "4711")
            case _ where name.hasPrefix("error_"): _ = try await client.gateways()
            case _ where name.hasPrefix("token_file"):
                let file = try temporaryFolder().appendingPathComponent("tokens.json")
                try body.write(to: file)
                let fileClient = try Self.client(
                    serving: try fixture("gateways.json"), status: 200, tokens: .file(file))
                _ = try await fileClient.gateways()
            case _ where name.hasPrefix("token"):
                let file = try temporaryFolder().appendingPathComponent("tokens.json")
                try JSONValue.object(["access_token": "at", "refresh_token": "rt", "expires_at": 1]).jsonData()
                    .write(to: file)
                let refreshing = try Self.client(serving: body, status: status, tokens: .file(file))
                _ = try await refreshing.accessToken()
            default:
                _ = try await client.features(of: device)
            }
        }
    }

    @Test("every viessmann fixture, mutated, ends in a value or a typed error", .timeLimit(.minutes(5)))
    func mutations() async throws {
        let paths = Fixture.paths(in: "viessmann").filter { !Self.excluded.contains($0) }
        #expect(paths.count >= 35)
        let report = await MutationSuite.run(paths: paths, isTyped: Self.isTyped, reader: Self.reader(for:))
        #expect(report.mutants > 1_000)
        #expect(report.values > 0)
        #expect(report.typedErrors > 0)
        #expect(report.problems.isEmpty, "first problems:\n\(report.problems.prefix(20).joined(separator: "\n"))")
    }
}
