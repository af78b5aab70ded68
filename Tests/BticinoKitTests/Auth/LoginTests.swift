import AuthCore
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Password login")
struct LoginTests {
    @Test("the login form has exactly the seven fields, percent-encoded, and no Authorization header")
    func loginForm() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        BT.enqueueLogin(transport)
        try await client.login()
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "/oauth2/token")
        #expect(request.headers[.authorization] == nil)
        #expect(request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true)
        let fields = request.formFields
        #expect(
            fields == [
                "grant_type": "password", "username": BT.username, "password": "p&ss+w=rd ü",
                "client_id": "na_client_android_welcome", "client_secret": BT.clientSecret.revealed,
                "scope": "security_scopes", "app_version": "4.1.1.3",
            ])
        let body = try #require(request.bodyText)
        // Spec §2.1: the upstream order, client credentials before scope and app version.
        #expect(
            body
                == "grant_type=password&username=tester%40example.org&password=p%26ss%2Bw%3Drd+%C3%BC"
                + "&client_id=na_client_android_welcome&client_secret=\(BT.clientSecret.revealed)"
                + "&scope=security_scopes&app_version=4.1.1.3")
        let token = try #require(await client.currentToken())
        #expect(token.accessToken.revealed == BT.accessToken)
        #expect(token.expiresAt == clock.now.addingTimeInterval(10_800))
    }

    @Test("the token callback fires once per login")
    func callbackOnce() async throws {
        let transport = MockTransport()
        let calls = Counter()
        let client = try BT.client(transport) { $0.onTokenChange = { _ in calls.increment() } }
        BT.enqueueLogin(transport)
        try await client.login()
        try await client.login()
        #expect(calls.value == 1)
        #expect(transport.requests.count == 1)
    }

    @Test("client id, scope and app version come from the configuration")
    func configurable() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport) {
            $0.clientID = "na_client_custom"
            $0.scope = "read_camera"
            $0.appVersion = "9.9.9"
        }
        BT.enqueueLogin(transport)
        try await client.login()
        let fields = try #require(transport.requests.first).formFields
        #expect(fields["client_id"] == "na_client_custom")
        #expect(fields["scope"] == "read_camera")
        #expect(fields["app_version"] == "9.9.9")
    }

    @Test("wrong credentials: authenticationFailed with the real status and invalid_grant")
    func wrongCredentials() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport)
        transport.enqueue(.fixture(400, "bticino/token-error-invalid-grant.json"), path: "/oauth2/token")
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(error.kind == .authenticationFailed)
        #expect(error.requiresReauthentication)
        #expect(error.status == 400)
        #expect(error.vendorCode == "invalid_grant")
        #expect(error.vendorMessage == "Invalid credentials")
        #expect(error.vendorError(as: BticinoServiceError.self)?.status == 400)
    }

    @Test("a refused client (403 invalid_client) keeps its status and code")
    func invalidClient() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport)
        transport.enqueue(.fixture(403, "bticino/token-error-invalid-client.json"), path: "/oauth2/token")
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(error.status == 403)
        #expect(error.vendorCode == "invalid_client")
        #expect(error.requiresReauthentication)
    }

    @Test("a login answer without a refresh token is missingTokens")
    func missingRefresh() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport)
        BT.enqueueLogin(transport, fixture: "bticino/token-response-no-refresh.json")
        let error = try await #require(throws: BticinoError.self) { try await client.login() }
        #expect(error.code == .missingTokens)
        #expect(error.requiresReauthentication)
    }

    @Test("a login answer without an access token is missingTokens")
    func missingAccess() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport)
        BT.enqueueLogin(transport, fixture: "bticino/token-response-no-access.json")
        let error = try await #require(throws: BticinoError.self) { try await client.login() }
        #expect(error.code == .missingTokens)
    }

    @Test("a 502 HTML page on login is a transient server error with status 502")
    func htmlOnLogin() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport) { _ in }
        for _ in 0..<4 { transport.enqueue(.fixture(502, "bticino/error-502.html"), path: "/oauth2/token") }
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(error.status == 502)
        #expect(error.isTransient)
        #expect(!error.requiresReauthentication)
    }

    @Test("a network failure on login is transient")
    func networkOnLogin() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport)
        for _ in 0..<4 { transport.enqueue(.failure(.notConnectedToInternet), path: "/oauth2/token") }
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(error.kind == .transport)
        #expect(!error.requiresReauthentication)
    }

    @Test("without credentials a login asks for the user")
    func noCredentials() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport, credentials: false)
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(error.requiresReauthentication)
        #expect(transport.requests.isEmpty)
    }
}

/// A thread-safe counter for callbacks.
final class Counter: Sendable {
    private let state = Mutex(0)
    func increment() { state.withLock { $0 += 1 } }
    var value: Int { state.withLock { $0 } }
}
