import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Token lifecycle: 30 s grace, refresh, single flight, host-supplied tokens")
struct TokenLifecycleTests {
    @Test("a token 10 s from its server-side expiry counts as expired and is refreshed exactly once")
    func graceTriggersOneRefresh() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("token.json"), path: "/token")
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        let clock = TestClock()
        let oauth = try UT.oauth(transport: transport, clock: clock)
        // A token with 10 s left on the server's clock is already past its 30 s grace.
        let stored = try UtecOAuth.tokenDecoder(
            ["access_token": "at-old", "refresh_token": "rt-old", "expires_in": 10], clock.now)
        #expect(stored.expiresAt == clock.now.addingTimeInterval(-20))
        let tokens = oauth.tokenManager(initialToken: stored)
        let client = try UT.client(transport: transport, clock: clock, authorization: .tokens(tokens))
        _ = try await client.discoverDevices()
        _ = try await client.discoverDevices()
        #expect(transport.requests(to: "/token").count == 1)
        #expect(transport.requests(to: "/token").first?.formFields["refresh_token"] == "rt-old")
        let authorizations = transport.requests(to: "/action").map { $0.headers[.authorization] }
        #expect(authorizations == ["Bearer at-test-123", "Bearer at-test-123"])
    }

    @Test("a fresh token is not refreshed; expiry = now + expires_in - 30 s")
    func freshTokenKept() async throws {
        let clock = TestClock()
        let token = try UtecOAuth.tokenDecoder(UT.json("utec/token.json"), clock.now)
        #expect(token.expiresAt == clock.now.addingTimeInterval(601_170))
        let transport = MockTransport()
        transport.enqueue(UT.fixture("user.json"), path: "/action")
        let oauth = try UT.oauth(transport: transport, clock: clock)
        let client = try UT.client(
            transport: transport, clock: clock, authorization: .tokens(oauth.tokenManager(initialToken: token)))
        _ = try await client.user()
        #expect(transport.requests(to: "/token").isEmpty)
    }

    @Test("a refresh without a new refresh token keeps the old one")
    func refreshKeepsRefreshToken() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("token-refreshed-no-refresh-token.json"), path: "/token")
        let oauth = try UT.oauth(transport: transport)
        let fresh = try await oauth.refresh(OAuth2Token(accessToken: "at-old", refreshToken: "rt-keep"))
        #expect(fresh.accessToken.revealed == "at-test-refreshed-321")
        #expect(fresh.refreshToken?.revealed == "rt-keep")

        let second = MockTransport()
        second.enqueue(UT.fixture("token-refreshed-no-refresh-token.json"), path: "/token")
        let manager = try UT.oauth(transport: second).tokenManager(
            initialToken: OAuth2Token(accessToken: "at-old", refreshToken: "rt-keep", expiresAt: .distantPast))
        _ = try await manager.accessToken()
        #expect(await manager.currentToken?.refreshToken?.revealed == "rt-keep")
    }

    @Test("concurrent calls with an expired token share one refresh")
    func singleFlight() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 3) { request in
            request.path.hasSuffix("/token") ? UT.fixture("token.json") : UT.fixture("user.json")
        }
        let clock = TestClock()
        let oauth = try UT.oauth(transport: transport, clock: clock)
        let manager = oauth.tokenManager(
            initialToken: OAuth2Token(accessToken: "at-old", refreshToken: "rt-old", expiresAt: .distantPast))
        let client = try UT.client(transport: transport, clock: clock, authorization: .tokens(manager))
        try await withThrowingTaskGroup(of: UtecUser.self) { group in
            for _ in 0..<8 { group.addTask { try await client.user() } }
            for try await user in group { #expect(user.id == "user-0001") }
        }
        #expect(transport.requests(to: "/token").count == 1)
    }

    @Test("without a refresh token an expired token asks for a sign-in")
    func noRefreshToken() async throws {
        let transport = MockTransport()
        let manager = try UT.oauth(transport: transport).tokenManager(
            initialToken: OAuth2Token(accessToken: "at-old", expiresAt: .distantPast))
        let client = try UT.client(transport: transport, authorization: .tokens(manager))
        let error = await UT.apiError { try await client.user() }
        #expect(error?.requiresReauthentication == true)
        #expect(transport.requests.isEmpty)
    }

    @Test("a host-supplied token provider is asked for the token and sends `Authorization: Bearer`")
    func hostSuppliedProvider() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("user.json"), path: "/action")
        let client = try UT.client(transport: transport, authorization: .accessToken { "host-token-1" })
        _ = try await client.user()
        let request = try #require(transport.requests.first)
        #expect(request.headers[.authorization] == "Bearer host-token-1")
        #expect(request.headers[.contentType]?.hasPrefix("application/json") == true)
        #expect(request.headers[.accept] == "application/json")
        #expect(request.method == .post)
        #expect(request.path == "/action")
    }
}
