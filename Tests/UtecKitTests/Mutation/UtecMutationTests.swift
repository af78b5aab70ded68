import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

/// Every U-Tec fixture, mutated, through the call that reads it: a value or a typed error,
/// never a crash, an untyped error or a hang.
@Suite("U-Tec fixtures under mutation")
struct UtecMutationTests {
    static func isTyped(_ error: any Error) -> Bool {
        error is UtecError || error is APIError
    }

    static func reader(for fixture: String) -> MutationSuite.Reader {
        let name = String(fixture.split(separator: "/").last ?? "")
        return { fixture, body in
            let contentType = name.hasSuffix(".html") ? "text/html" : "application/json"
            let status = name.hasSuffix(".html") ? 502 : 200
            let transport = MockTransport { _ in .status(status, body: body, headers: [.contentType: contentType]) }
            if name.hasPrefix("token") {
                let oauth = try UT.oauth(transport: transport)
                _ = try await oauth.refresh(OAuth2Token(accessToken: "old", refreshToken: "rt"))
                return
            }
            if name.hasPrefix("notification") {
                let notification = try UtecNotification.parse(body)
                _ = notification.apply(to: try UT.devicesWithState())
                return
            }
            let client = try UT.client(transport: transport) { $0.retryPolicy = .none }
            switch name {
            case _ where name.hasPrefix("discovery"):
                _ = try await client.discoverDevices()
            case _ where name.hasPrefix("query"), _ where name.hasPrefix("device-error"):
                _ = try await client.query(UT.devices())
            case _ where name.hasPrefix("command"):
                _ = try await client.send(.unlock, to: UT.device(UT.lockID))
            case _ where name.hasPrefix("user"), _ where name.hasPrefix("logout"):
                _ = try await client.user()
            case _ where name.hasPrefix("configure"):
                try await client.registerWebhook(url: URL(string: "https://hooks.example.test/utec")!, secret: "s-1")
            default:
                _ = try await client.devicesWithState()
            }
        }
    }

    @Test("every utec fixture, mutated, ends in a value or a typed error", .timeLimit(.minutes(2)))
    func mutatedFixtures() async throws {
        let paths = Fixture.paths(in: "utec")
        let report = await MutationSuite.run(paths: paths, isTyped: Self.isTyped, reader: Self.reader(for:))
        #expect(report.mutants > 500)
        #expect(report.values > 0)
        #expect(report.typedErrors > 0)
        let problemCount = report.problems.count
        #expect(problemCount == 0, "first problems:\n\(report.problems.prefix(20).joined(separator: "\n"))")
    }
}
