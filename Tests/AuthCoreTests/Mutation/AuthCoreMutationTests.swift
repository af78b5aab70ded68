import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

/// Every AuthCore fixture, mutated, through the call that reads it: a value or a typed error,
/// never a crash, an untyped error or a hang.
@Suite("AuthCore fixtures under mutation")
struct AuthCoreMutationTests {
    struct Widget: Decodable, Sendable {
        let id: Int
        let name: String
    }

    static func isTyped(_ error: any Error) -> Bool {
        error is APIError || error is TokenStoreError
    }

    static func serve(_ body: Data, status: Int, path: String) -> MockTransport {
        let contentType = path.hasSuffix(".html") ? "text/html" : "application/json"
        return MockTransport { _ in .status(status, body: body, headers: [.contentType: contentType]) }
    }

    static func reader(for path: String) -> MutationSuite.Reader {
        let name = String(path.split(separator: "/").last ?? "")
        if name.hasPrefix("token-response") {
            return { path, body in
                let client = try OAuth2TokenClient(
                    tokenURL: URL(string: "https://auth.example.test/token")!, clientID: "c",
                    transport: serve(body, status: 200, path: path), retryPolicy: .none, timeSource: TestClock()
                )
                _ = try await client.requestToken(grantType: "client_credentials", parameters: [])
            }
        }
        if name.hasPrefix("oauth-error") {
            return { path, body in
                let client = try OAuth2TokenClient(
                    tokenURL: URL(string: "https://auth.example.test/token")!, clientID: "c",
                    transport: serve(body, status: 400, path: path), retryPolicy: .none, timeSource: TestClock()
                )
                _ = try await client.requestToken(grantType: "refresh_token", parameters: [("refresh_token", "rt-x")])
            }
        }
        if name.hasPrefix("token-file") {
            return { _, body in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "mutation-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let file = folder.appendingPathComponent("token.json")
                try body.write(to: file)
                _ = try await FileTokenStore(url: file).loadToken()
            }
        }
        if name.hasPrefix("error-") {
            return { path, body in
                let client = try TestHelpers.client(transport: serve(body, status: 502, path: path))
                let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/x")) }
                if let error { throw error }
            }
        }
        if name == "widget.json" {
            return { path, body in
                let client = try TestHelpers.client(transport: serve(body, status: 200, path: path))
                _ = try await client.send(Endpoint<Widget>.json(.get, "/widget"))
            }
        }
        return { path, body in
            let client = try TestHelpers.client(transport: serve(body, status: 200, path: path))
            _ = try await client.send(Endpoint<JSONValue>.json(.get, "/any"))
        }
    }

    @Test("every authcore fixture, mutated, ends in a value or a typed error", .timeLimit(.minutes(2)))
    func mutatedFixtures() async throws {
        let paths = Fixture.paths(in: "authcore")
        let report = await MutationSuite.run(paths: paths, isTyped: Self.isTyped, reader: Self.reader(for:))
        #expect(report.mutants > 200)
        #expect(report.typedErrors > 0)
        let problemCount = report.problems.count
        #expect(problemCount == 0, "first problems:\n\(report.problems.prefix(20).joined(separator: "\n"))")
    }
}
