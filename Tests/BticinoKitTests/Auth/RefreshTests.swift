import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Token refresh")
struct RefreshTests {
    @Test("a valid token is used without any token request")
    func cached() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try await BT.signedIn(transport, clock: clock)
        try await client.login()
        #expect(transport.requests.isEmpty)
    }

    @Test("30 s before expiry the token is refreshed with exactly the four refresh fields")
    func skew() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        await BT.expireSoon(client, clock)
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        try await client.login()
        let fields = try #require(transport.requests.first).formFields
        #expect(
            fields == [
                "grant_type": "refresh_token", "refresh_token": BT.refreshToken,
                "client_id": "na_client_android_welcome", "client_secret": BT.clientSecret.revealed,
            ])
    }

    @Test("a refresh answer without a refresh token keeps the old one and sets a new expiry")
    func keepsRefreshToken() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let changes = Counter()
        let client = try BT.client(transport, clock: clock) { $0.onTokenChange = { _ in changes.increment() } }
        await BT.expireSoon(client, clock)
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        try await client.login()
        let token = try #require(await client.currentToken())
        #expect(token.accessToken.revealed == BT.refreshedToken)
        #expect(token.refreshToken?.revealed == BT.refreshToken)
        #expect(token.expiresAt == clock.now.addingTimeInterval(10_800))
        #expect(changes.value == 2)
    }

    @Test("a refused refresh (invalid_grant) falls back to a password login")
    func refusedThenLogin() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        await BT.expireSoon(client, clock)
        transport.enqueue(.fixture(400, "bticino/token-error-invalid-grant.json"), path: "/oauth2/token")
        BT.enqueueLogin(transport)
        try await client.login()
        let grants = transport.requests.map { $0.formFields["grant_type"] }
        #expect(grants == ["refresh_token", "password"])
        #expect(await client.currentToken()?.accessToken.revealed == BT.accessToken)
    }

    @Test("a refused refresh and a refused login: reauthentication, tokens cleared")
    func refusedTwice() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        await BT.expireSoon(client, clock)
        transport.enqueue(.fixture(400, "bticino/token-error-invalid-grant.json"), path: "/oauth2/token")
        transport.enqueue(.fixture(400, "bticino/token-error-invalid-grant.json"), path: "/oauth2/token")
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(error.requiresReauthentication)
        #expect(await client.currentToken() == nil)
    }

    @Test("a network error during refresh keeps the token and does not log in")
    func networkDuringRefresh() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        await BT.expireSoon(client, clock)
        for _ in 0..<4 { transport.enqueue(.failure(.networkConnectionLost), path: "/oauth2/token") }
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(!error.requiresReauthentication)
        #expect(transport.requests.allSatisfy { $0.formFields["grant_type"] == "refresh_token" })
        #expect(await client.currentToken()?.refreshToken?.revealed == BT.refreshToken)
    }

    @Test("a 5xx during refresh keeps the refresh token and does not log in")
    func serverDuringRefresh() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        await BT.expireSoon(client, clock)
        for _ in 0..<4 { transport.enqueue(.fixture(500, "bticino/api-error-server.json"), path: "/oauth2/token") }
        let error = try await #require(throws: APIError.self) { try await client.login() }
        #expect(error.status == 500)
        #expect(error.isTransient)
        #expect(!transport.requests.contains { $0.formFields["grant_type"] == "password" })
        #expect(await client.currentToken() != nil)
    }

    @Test("a refresh answer without an access token clears the token and logs in again")
    func refreshWithoutAccess() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        await BT.expireSoon(client, clock)
        transport.enqueue(.fixture(200, "bticino/token-response-no-access.json"), path: "/oauth2/token")
        BT.enqueueLogin(transport)
        try await client.login()
        #expect(transport.requests.map { $0.formFields["grant_type"] } == ["refresh_token", "password"])
    }

    @Test("ten concurrent callers with an expired token share one refresh")
    func singleFlight() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 20)
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock)
        await BT.expireSoon(client, clock)
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 { group.addTask { try await client.login() } }
            try await group.waitForAll()
        }
        #expect(transport.requests(to: "/oauth2/token").count == 1)
    }

    @Test("a token without expires_in is not refreshed on every call")
    func noExpiry() async throws {
        let transport = MockTransport()
        let client = try BT.client(transport)
        await client.tokens.setToken(
            OAuth2Token(accessToken: Secret(BT.accessToken), refreshToken: Secret(BT.refreshToken)))
        try await client.login()
        try await client.login()
        #expect(transport.requests.isEmpty)
    }
}
