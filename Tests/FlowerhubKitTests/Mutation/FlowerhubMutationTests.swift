import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing
import VendorFixtures

@testable import FlowerhubKit

/// Every Flowerhub fixture, mutated, through the call that reads it, in both the throwing and
/// the error-returning form: a value or a typed error, never a crash, an untyped error or a hang.
@Suite("Flowerhub fixtures under mutation")
struct FlowerhubMutationTests {
    static func isTyped(_ error: any Error) -> Bool {
        error is APIError || error is FlowerhubError
    }

    /// The status a fixture is served with: `error-404.json` with 404, everything else with 200.
    static func status(of name: String) -> Int {
        guard name.hasPrefix("error-") || name.hasPrefix("login-error") else { return 200 }
        let digits = name.dropFirst("error-".count).prefix(3)
        return Int(digits) ?? 500
    }

    static func client(serving body: Data, fixture: String, refreshBody: Data? = nil) throws -> FlowerhubClient {
        let name = String(fixture.split(separator: "/").last ?? "")
        let contentType = name.hasSuffix(".html") ? "text/html" : "application/json"
        let status = status(of: name)
        let rejectedOnce = Mutex(false)
        let transport = MockTransport { request in
            let headers: HTTPFields = [.contentType: contentType, .setCookie: "Authentication=jwt-m; Path=/"]
            if let refreshBody {
                // Refresh fixtures: the first API call is rejected, the refresh answers the mutant.
                if request.path == "/auth/refresh-token" {
                    return .status(200, body: refreshBody, headers: headers)
                }
                let alreadyRejected = rejectedOnce.withLock { rejected in
                    defer { rejected = true }
                    return rejected
                }
                if !alreadyRejected { return .status(401) }
                return .fixture(200, "flowerhub/asset.json")
            }
            return .status(status, body: body, headers: headers)
        }
        var configuration = FlowerhubClient.Configuration(
            timeZone: TimeZone(identifier: "UTC")!, timeSource: TestClock(), random: .seeded(7))
        configuration.maxRateLimitRetries = 1
        return try FlowerhubClient(configuration: configuration, transport: transport)
    }

    static func reader(for fixture: String) -> MutationSuite.Reader {
        let name = String(fixture.split(separator: "/").last ?? "")
        return { fixture, body in
            for form in CallForm.allCases {
                if name.hasPrefix("refresh-") {
                    let client = try client(serving: Data(), fixture: fixture, refreshBody: body)
                    switch form {
                    case .throwing: _ = try await client.fetchAsset(assetId: 1)
                    case .returningErrors: _ = try await client.fetchAssetResult(assetId: 1)
                    }
                    continue
                }
                let client = try client(serving: body, fixture: fixture)
                switch form {
                case .throwing: try await read(name, with: client)
                case .returningErrors: try await readReturningErrors(name, with: client)
                }
            }
        }
    }

    /// Reads the fixture `name` with the throwing form of the call that reads it.
    static func read(_ name: String, with client: FlowerhubClient) async throws {
        switch name {
        case _ where name.hasPrefix("login"):
            _ = try await client.login(username: "kim@example.test", password: "pw-mutation-1")
        case _ where name.hasPrefix("asset-owner"):
            _ = try await client.fetchAssetOwner(assetOwnerId: 1)
        case _ where name.hasPrefix("profile"):
            _ = try await client.fetchAssetOwnerProfile(assetOwnerId: 1)
        case _ where name.hasPrefix("with-asset-id"):
            _ = try await client.fetchAssetId(assetOwnerId: 1)
        case _ where name.hasPrefix("consumption"):
            _ = try await client.fetchConsumption(assetOwnerId: 1)
        case _ where name.hasPrefix("electricity-agreement"):
            _ = try await client.fetchElectricityAgreement(assetOwnerId: 1)
        case _ where name.hasPrefix("invoices"):
            _ = try await client.fetchInvoices(assetOwnerId: 1)
        case _ where name.hasPrefix("revenue"):
            _ = try await client.fetchRevenue(assetId: 1)
        case _ where name.hasPrefix("system-notification"):
            _ = try await client.fetchSystemNotification()
        case _ where name.hasPrefix("uptime-history"):
            _ = try await client.fetchUptimeHistory(assetId: 1)
        case _ where name.hasPrefix("uptime-months"):
            _ = try await client.fetchAvailableUptimeMonths(assetId: 1)
        case _ where name.hasPrefix("uptime-pie"):
            _ = try await client.fetchUptimePie(assetId: 1, period: "2026-03")
        default:
            // asset.json, asset-status-*, error pages and any fixture a later change adds.
            _ = try await client.fetchAsset(assetId: 1)
        }
    }

    /// Reads the fixture `name` with the `…Result` form of the call that reads it.
    static func readReturningErrors(_ name: String, with client: FlowerhubClient) async throws {
        switch name {
        case _ where name.hasPrefix("login"):
            _ = try await client.loginResult(username: "kim@example.test", password: "pw-mutation-1")
        case _ where name.hasPrefix("asset-owner"):
            _ = try await client.fetchAssetOwnerResult(assetOwnerId: 1)
        case _ where name.hasPrefix("profile"):
            _ = try await client.fetchAssetOwnerProfileResult(assetOwnerId: 1)
        case _ where name.hasPrefix("with-asset-id"):
            _ = try await client.fetchAssetIdResult(assetOwnerId: 1)
        case _ where name.hasPrefix("consumption"):
            _ = try await client.fetchConsumptionResult(assetOwnerId: 1)
        case _ where name.hasPrefix("electricity-agreement"):
            _ = try await client.fetchElectricityAgreementResult(assetOwnerId: 1)
        case _ where name.hasPrefix("invoices"):
            _ = try await client.fetchInvoicesResult(assetOwnerId: 1)
        case _ where name.hasPrefix("revenue"):
            _ = try await client.fetchRevenueResult(assetId: 1)
        case _ where name.hasPrefix("system-notification"):
            _ = try await client.fetchSystemNotificationResult()
        case _ where name.hasPrefix("uptime-history"):
            _ = try await client.fetchUptimeHistoryResult(assetId: 1)
        case _ where name.hasPrefix("uptime-months"):
            _ = try await client.fetchAvailableUptimeMonthsResult(assetId: 1)
        case _ where name.hasPrefix("uptime-pie"):
            _ = try await client.fetchUptimePieResult(assetId: 1, period: "2026-03")
        default:
            _ = try await client.fetchAssetResult(assetId: 1)
        }
    }

    @Test("every flowerhub fixture, mutated, ends in a value or a typed error", .timeLimit(.minutes(2)))
    func mutatedFixtures() async throws {
        let paths = Fixture.paths(in: "flowerhub")
        let report = await MutationSuite.run(paths: paths, isTyped: Self.isTyped, reader: Self.reader(for:))
        #expect(report.mutants > 1_000)
        #expect(report.values > 0)
        #expect(report.typedErrors > 0)
        let problemCount = report.problems.count
        #expect(problemCount == 0, "first problems:\n\(report.problems.prefix(20).joined(separator: "\n"))")
    }
}
