import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing

@Suite("Token manager")
struct TokenManagerTests {
    @Test("100 concurrent requests with an expired token cause exactly one token request")
    func singleFlightProactive() async throws {
        let tokenTransport = MockTransport(yieldsWhileInFlight: 100)
        tokenTransport.enqueue(.fixture(200, "authcore/token-response-refreshed.json"))
        let apiTransport = MockTransport { _ in .json(200, "{}") }
        let rig = try TokenRig(
            initialToken: TokenRig.expiredToken(), apiTransport: apiTransport, tokenTransport: tokenTransport)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask { _ = try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items")) }
            }
            try await group.waitForAll()
        }
        #expect(tokenTransport.requests.count == 1)
        #expect(tokenTransport.requests.first?.formFields["grant_type"] == "refresh_token")
        #expect(apiTransport.requests.count == 100)
        #expect(apiTransport.requests.allSatisfy { $0.bearer == Canary.refreshedAccessToken })
    }

    @Test("401, then one refresh, then success; the old refresh token is kept when not rotated")
    func reactiveRefresh() async throws {
        let rig = try TokenRig(initialToken: TokenRig.validToken("at-revoked"))
        rig.apiTransport.enqueue(.status(401))
        rig.apiTransport.enqueue(.json(200, #"{"ok":true}"#))
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response-refreshed.json"))
        let value = try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items"))
        #expect(value["ok"] == .bool(true))
        #expect(rig.apiTransport.requests.map(\.bearer) == ["at-revoked", Canary.refreshedAccessToken])
        let form = try #require(rig.tokenTransport.requests.first?.formFields)
        #expect(form["grant_type"] == "refresh_token")
        #expect(form["refresh_token"] == "rt-valid")
        #expect(form["client_id"] == "client-1")
        #expect(await rig.manager.currentToken?.refreshToken == Secret("rt-valid"))
    }

    @Test("401, refresh, 401 again means reauthentication is required")
    func secondRejection() async throws {
        let rig = try TokenRig(initialToken: TokenRig.validToken())
        rig.apiTransport.enqueue(.status(401))
        rig.apiTransport.enqueue(.status(401))
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response.json"))
        let error = await TestHelpers.apiError { try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items")) }
        #expect(error?.kind == .reauthenticationRequired)
        #expect(error?.requiresReauthentication == true)
        #expect(error?.status == 401)
        #expect(rig.apiTransport.requests.count == 2)
        #expect(rig.tokenTransport.requests.count == 1)
    }

    @Test("stale 401s for a token someone already replaced do not refresh again")
    func staleRejections() async throws {
        let apiTransport = MockTransport(yieldsWhileInFlight: 20) { request in
            request.bearer == "at-revoked" ? .status(401) : .json(200, "{}")
        }
        let tokenTransport = MockTransport(yieldsWhileInFlight: 20)
        tokenTransport.enqueue(.fixture(200, "authcore/token-response-refreshed.json"))
        let rig = try TokenRig(
            initialToken: TokenRig.validToken("at-revoked"), apiTransport: apiTransport, tokenTransport: tokenTransport)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask { _ = try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items")) }
            }
            try await group.waitForAll()
        }
        #expect(tokenTransport.requests.count == 1)
    }

    @Test("invalid_grant on refresh is terminal: the token is forgotten and the store cleared")
    func invalidGrantIsTerminal() async throws {
        let store = MemoryTokenStore(token: TokenRig.expiredToken())
        let rig = try TokenRig(grant: { RefreshTokenGrant(client: $0) }, store: store)
        rig.tokenTransport.enqueue(.fixture(400, "authcore/oauth-error-invalid-grant.json"))
        let error = await TestHelpers.apiError { try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items")) }
        #expect(error?.kind == .reauthenticationRequired)
        #expect(error?.vendorCode == "invalid_grant")
        #expect(await rig.manager.currentToken == nil)
        #expect(try await store.loadToken() == nil)
        #expect(rig.apiTransport.requests.isEmpty)
    }

    @Test("a refused refresh falls back to a password login when the grant allows it")
    func passwordFallback() async throws {
        let rig = try TokenRig(initialToken: TokenRig.expiredToken())
        rig.tokenTransport.enqueue(.fixture(400, "authcore/oauth-error-invalid-grant.json"))
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response.json"))
        rig.apiTransport.enqueue(.json(200, "{}"))
        _ = try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items"))
        #expect(rig.tokenTransport.requests.map { $0.formFields["grant_type"] } == ["refresh_token", "password"])
        #expect(rig.apiTransport.requests.first?.bearer == Canary.accessToken)
    }

    @Test("a server failure during refresh is transient and keeps the token")
    func transientRefreshFailure() async throws {
        let rig = try TokenRig(initialToken: TokenRig.expiredToken())
        rig.tokenTransport.enqueue(.fixture(503, "authcore/oauth-error-server.json"))
        let error = await TestHelpers.apiError { try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items")) }
        #expect(error?.kind == .server)
        #expect(error?.isTransient == true)
        #expect(error?.requiresReauthentication == false)
        #expect(await rig.manager.currentToken?.accessToken == Secret("at-old-expired"))
    }

    @Test("the refresh-window guard stops a refresh loop")
    func refreshWindowGuard() async throws {
        let tokenTransport = MockTransport { _ in .fixture(200, "authcore/token-response.json") }
        let apiTransport = MockTransport { _ in .status(401) }
        let rig = try TokenRig(
            initialToken: TokenRig.validToken(),
            configuration: .init(refreshWindow: RefreshWindow(interval: .seconds(30), maximumRefreshes: 3)),
            apiTransport: apiTransport, tokenTransport: tokenTransport
        )
        var errors: [APIError] = []
        for _ in 0..<5 {
            if let error = await TestHelpers.apiError({
                try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items"))
            }) {
                errors.append(error)
            }
        }
        #expect(errors.count == 5)
        #expect(tokenTransport.requests.count == 3)
        #expect(errors.last?.message.contains("refresh loop") == true)
        #expect(errors.allSatisfy { $0.requiresReauthentication })
    }

    @Test("the token endpoint never gets an Authorization header")
    func tokenEndpointUnauthenticated() async throws {
        let rig = try TokenRig(initialToken: TokenRig.expiredToken())
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response.json"))
        rig.apiTransport.enqueue(.json(200, "{}"))
        _ = try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items"))
        #expect(rig.tokenTransport.requests.count == 1)
        #expect(rig.tokenTransport.requests.allSatisfy { $0.headers[.authorization] == nil })
        #expect(rig.tokenTransport.requests.first?.headers[.contentType] == "application/x-www-form-urlencoded")
        #expect(rig.apiTransport.requests.first?.headers[.authorization] != nil)
    }

    @Test("login is lazy, its form is encoded safely, and changes are reported and stored")
    func lazyLoginAndPersistence() async throws {
        let changes = Mutex<[OAuth2Token?]>([])
        let store = MemoryTokenStore()
        let rig = try TokenRig(store: store, onChange: { token in changes.withLock { $0.append(token) } })
        #expect(rig.tokenTransport.requests.isEmpty)
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response.json"))
        rig.apiTransport.enqueue(.json(200, "{}"))
        _ = try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items"))
        let login = try #require(rig.tokenTransport.requests.first)
        #expect(login.bodyText?.contains("password=pw-CANARY-%26%2B%3D%7C%C3%BC+9") == true)
        #expect(login.formFields["password"] == Canary.password)
        #expect(login.formFields["client_secret"] == Canary.clientSecret)
        #expect(login.formFields["scope"] == "read")
        let saved = try #require(try await store.loadToken())
        #expect(saved.accessToken == Secret(Canary.accessToken))
        #expect(saved.expiresAt == TestClock.defaultStart.addingTimeInterval(3600))
        #expect(changes.withLock { $0.count } == 1)
    }

    @Test("a token inside the skew is refreshed before use; one outside it is not")
    func proactiveSkew() async throws {
        let soon = OAuth2Token(
            accessToken: Secret("at-soon"), refreshToken: Secret("rt"),
            expiresAt: TestClock.defaultStart.addingTimeInterval(30))
        let rig = try TokenRig(initialToken: soon)
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response-refreshed.json"))
        let token = try await rig.manager.accessToken()
        #expect(token.value == Secret(Canary.refreshedAccessToken))

        let later = OAuth2Token(
            accessToken: Secret("at-later"), refreshToken: Secret("rt"),
            expiresAt: TestClock.defaultStart.addingTimeInterval(120))
        let second = try TokenRig(initialToken: later)
        #expect(try await second.manager.accessToken().value == Secret("at-later"))
        #expect(second.tokenTransport.requests.isEmpty)
    }

    @Test("a login with a wrong password fails as authenticationFailed, not as a refresh failure")
    func badPassword() async throws {
        let rig = try TokenRig()
        rig.tokenTransport.enqueue(.fixture(400, "authcore/oauth-error-invalid-grant.json"))
        let error = await TestHelpers.apiError { try await rig.manager.accessToken() }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.vendorCode == "invalid_grant")
    }

    @Test("a token response without access_token is an invalid response")
    func missingAccessToken() async throws {
        let rig = try TokenRig()
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response-missing-access-token.json"))
        let error = await TestHelpers.apiError { try await rig.manager.accessToken() }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message.contains("access_token") == true)
    }

    @Test("client credentials: cached for its lifetime, fetched again after it")
    func clientCredentials() async throws {
        let rig = try TokenRig(grant: { ClientCredentialsGrant(client: $0, scope: "https://api.example.test/.default") }
        )
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response-refreshed.json"))
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response.json"))
        _ = try await rig.manager.accessToken()
        _ = try await rig.manager.accessToken()
        #expect(rig.tokenTransport.requests.count == 1)
        #expect(rig.tokenTransport.requests.first?.formFields["grant_type"] == "client_credentials")
        #expect(rig.tokenTransport.requests.first?.formFields["scope"] == "https://api.example.test/.default")
        rig.clock.advance(by: .seconds(3600 - 59))
        #expect(try await rig.manager.accessToken().value == Secret(Canary.accessToken))
        #expect(rig.tokenTransport.requests.count == 2)
    }
}

@Suite("Token manager: skew against short lifetimes")
struct TokenManagerSkewTests {
    @Test("a 120 s token with a 300 s skew is reused until half its life, not fetched on every call")
    func skewCappedAtHalfLifetime() async throws {
        let tokenTransport = MockTransport { _ in .json(200, #"{"access_token":"at-short-lived","expires_in":120}"#) }
        let rig = try TokenRig(
            grant: { ClientCredentialsGrant(client: $0) }, configuration: .init(refreshSkew: .seconds(300)),
            tokenTransport: tokenTransport
        )
        for _ in 0..<5 { _ = try await rig.manager.accessToken() }
        #expect(tokenTransport.requests.count == 1)
        rig.clock.advance(by: .seconds(59))
        _ = try await rig.manager.accessToken()
        #expect(tokenTransport.requests.count == 1)
        rig.clock.advance(by: .seconds(1))
        _ = try await rig.manager.accessToken()
        #expect(tokenTransport.requests.count == 2)
    }
}
