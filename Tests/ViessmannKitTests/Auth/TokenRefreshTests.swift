import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Tokens: file, expiry and refresh (scenario 13)")
struct TokenRefreshTests {
    static let iamToken = "https://iam.viessmann-climatesolutions.com/idp/v3/token"

    /// A token file with `expires_at` relative to the test clock, plus the CLI's `client_id`.
    func tokenFile(expiresIn seconds: Double?, refreshToken: String? = "rt-6f1c0e2a") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent("tokens.json")
        var members: [String: JSONValue] = [
            "client_id": "my-client-123", "access_token": "at-old", "token_type": "Bearer", "expires_in": 3600,
        ]
        if let seconds {
            members["expires_at"] = .number(JSONNumber(TestClock.defaultStart.timeIntervalSince1970 + seconds)!)
        }
        if let refreshToken { members["refresh_token"] = .string(refreshToken) }
        try JSONValue.object(members).jsonData().write(to: url)
        return url
    }

    func client(_ transport: MockTransport, file: URL, clock: TestClock = TestClock()) throws -> ViessmannClient {
        try ViessmannClient(
            configuration: .init(clientID: "my-client-123", tokens: .file(file), timeSource: clock),
            transport: transport)
    }

    func routed(token: MockResponse = vi("token_refreshed.json")) -> MockTransport {
        MockTransport { request in
            request.url.absoluteString == Self.iamToken ? token : vi("gateways.json")
        }
    }

    @Test("an expired token is refreshed before the call; the file keeps client_id and gets expires_at = now + 3600")
    func expired() async throws {
        let file = try tokenFile(expiresIn: -10)
        let transport = routed()
        _ = try await client(transport, file: file).gateways()
        #expect(
            transport.requests.map(\.url.absoluteString) == [Self.iamToken, "\(apiBase)/iot/v2/equipment/gateways"])
        let form = transport.requests[0].formFields
        #expect(form == ["grant_type": "refresh_token", "refresh_token": "rt-6f1c0e2a", "client_id": "my-client-123"])
        #expect(transport.requests[1].headers[.authorization] == "Bearer eyJhbGciOiJSUzI1NiJ9.fresh.sig")
        let stored = try JSONValue(jsonData: Data(contentsOf: file))
        #expect(stored["client_id"] == "my-client-123")
        #expect(stored["refresh_token"] == "rt-6f1c0e2a")
        #expect(stored["access_token"] == "eyJhbGciOiJSUzI1NiJ9.fresh.sig")
        #expect(stored["expires_at"]?.doubleValue == TestClock.defaultStart.timeIntervalSince1970 + 3600)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test("within the 60 s margin the token is refreshed; 61 s before expiry it is used as is")
    func margin() async throws {
        let near = routed()
        _ = try await client(near, file: try tokenFile(expiresIn: 30)).gateways()
        #expect(near.requests.count == 2)
        let fresh = routed()
        _ = try await client(fresh, file: try tokenFile(expiresIn: 61)).gateways()
        #expect(fresh.requests.count == 1)
        #expect(fresh.requests[0].headers[.authorization] == "Bearer at-old")
    }

    @Test("many concurrent calls on an expired token share one refresh")
    func singleFlight() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 20) { request in
            request.url.absoluteString == Self.iamToken ? vi("token_refreshed.json") : vi("gateways.json")
        }
        let client = try client(transport, file: try tokenFile(expiresIn: -10))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 { group.addTask { _ = try await client.gateways() } }
            try await group.waitForAll()
        }
        #expect(transport.requests.filter { $0.url.absoluteString == Self.iamToken }.count == 1)
        #expect(transport.requests.count == 11)
    }

    @Test("a refresh refused with invalid_grant requires signing in again")
    func invalidGrant() async throws {
        let transport = routed(token: vi("token_error_invalid_grant.json", 400))
        let error = await caught { _ = try await client(transport, file: try tokenFile(expiresIn: -10)).gateways() }
        let apiError = try #require(error as? APIError)
        #expect(apiError.requiresReauthentication)
        #expect(transport.requests.count == 1)
    }

    @Test("a refresh that hits a 5xx or no network is transient and keeps the token")
    func transientRefresh() async throws {
        let file = try tokenFile(expiresIn: -10)
        let transport = routed(token: vi("error_internal.json", 503))
        let error = await caught { _ = try await client(transport, file: file).gateways() }
        #expect((error as? APIError)?.isTransient == true)
        #expect((error as? APIError)?.requiresReauthentication == false)
        #expect(try JSONValue(jsonData: Data(contentsOf: file))["refresh_token"] == "rt-6f1c0e2a")
    }

    @Test("no refresh token on an expired token, or no file at all: sign in again, nothing is sent")
    func nothingToRefresh() async throws {
        let stale = routed()
        let error = await caught {
            _ = try await client(stale, file: try tokenFile(expiresIn: -10, refreshToken: nil)).gateways()
        }
        #expect((error as? APIError)?.requiresReauthentication == true)
        #expect(stale.requests.isEmpty)
        let missing = routed()
        let none = try temporaryFolder().appendingPathComponent("absent.json")
        let noFile = await caught { _ = try await client(missing, file: none).gateways() }
        #expect((noFile as? APIError)?.requiresReauthentication == true)
        #expect(missing.requests.isEmpty)
    }

    @Test("a token without expires_at is used until the API refuses it (no refresh on every call)")
    func noExpiry() async throws {
        let transport = routed()
        let client = try client(transport, file: try tokenFile(expiresIn: nil))
        _ = try await client.gateways()
        _ = try await client.gateways()
        #expect(transport.requests.count == 2)
    }

    @Test("a token that expires mid-run: the 401 triggers one refresh and one retry")
    func expiredMidRun() async throws {
        let file = try tokenFile(expiresIn: 3000)
        let transport = MockTransport()
        transport.enqueue(vi("gateways.json"))
        transport.enqueue(vi("error_unauthorized.json", 401))
        transport.enqueue(vi("token_refreshed.json"), path: "/idp/v3/token")
        transport.enqueue(vi("gateways.json"))
        let client = try client(transport, file: file)
        _ = try await client.gateways()
        _ = try await client.gateways()
        #expect(transport.requests.count == 4)
        #expect(transport.requests[3].headers[.authorization] == "Bearer eyJhbGciOiJSUzI1NiJ9.fresh.sig")
        #expect(try JSONValue(jsonData: Data(contentsOf: file))["access_token"] == "eyJhbGciOiJSUzI1NiJ9.fresh.sig")
    }

    @Test("a corrupt token file is an error and is not overwritten by a read")
    func corrupt() async throws {
        let file = try temporaryFolder().appendingPathComponent("tokens.json")
        try Data("{\"access_token\":".utf8).write(to: file)
        let transport = routed()
        let error = await caught { _ = try await client(transport, file: file).gateways() }
        #expect(error != nil)
        #expect(transport.requests.isEmpty)
        #expect(try Data(contentsOf: file) == Data("{\"access_token\":".utf8))
    }

    @Test("refreshAccessToken() refreshes a valid token now and saves it")
    func explicitRefresh() async throws {
        let file = try tokenFile(expiresIn: 3000)
        let transport = routed()
        let client = try client(transport, file: file)
        #expect(try await client.refreshAccessToken().revealed == "eyJhbGciOiJSUzI1NiJ9.fresh.sig")
        #expect(transport.requests.map(\.formFields["grant_type"]) == ["refresh_token"])
        #expect(try JSONValue(jsonData: Data(contentsOf: file))["access_token"] == "eyJhbGciOiJSUzI1NiJ9.fresh.sig")
        await #expect(throws: ViessmannError.self) { try await apiClient(MockTransport()).refreshAccessToken() }
    }

    @Test("sign-out removes the token file; accessToken() and currentToken() read the managed token")
    func signOut() async throws {
        let file = try tokenFile(expiresIn: 600)
        let client = try client(routed(), file: file)
        #expect(try await client.accessToken().revealed == "at-old")
        #expect(await client.currentToken()?.refreshToken?.revealed == "rt-6f1c0e2a")
        await client.signOut()
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
