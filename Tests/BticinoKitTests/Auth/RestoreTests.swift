import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Restoring saved tokens")
struct RestoreTests {
    @Test("valid saved tokens: ready, validated once with the topology")
    func ready() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock, credentials: false)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        guard case .ready(let topology) = await client.restore(BT.validToken(clock: clock)) else {
            Issue.record("expected ready")
            return
        }
        #expect(topology.homes.count == 2)
        #expect(transport.requests.count == 1)
    }

    @Test("a refused refresh without credentials: reauthenticate")
    func reauthenticate() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock, credentials: false)
        transport.enqueue(.fixture(400, "bticino/token-error-invalid-grant.json"), path: "/oauth2/token")
        guard case .reauthenticate(let error) = await client.restore(BT.validToken(clock: clock, lifetime: -5)) else {
            Issue.record("expected reauthenticate")
            return
        }
        let apiError = try #require(error as? APIError)
        #expect(apiError.status == 400)
        #expect(apiError.vendorCode == "invalid_grant")
        #expect(apiError.vendorMessage == "Invalid credentials")
    }

    @Test("a saved token 30 s from expiry is refreshed before the validation call")
    func nearExpiry() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock, credentials: false)
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        guard case .ready = await client.restore(BT.validToken(clock: clock, lifetime: 30)) else {
            Issue.record("expected ready")
            return
        }
        #expect(transport.requests.map(\.path) == ["/oauth2/token", "/api/homesdata"])
        #expect(transport.requests.last?.headers[.authorization] == "Bearer \(BT.refreshedToken)")
    }

    @Test("a network failure: retry later, tokens kept")
    func retryLater() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock, credentials: false)
        for _ in 0..<4 { transport.enqueue(.failure(.timedOut), path: "/oauth2/token") }
        guard case .retryLater = await client.restore(BT.validToken(clock: clock, lifetime: -5)) else {
            Issue.record("expected retryLater")
            return
        }
        #expect(await client.currentToken() != nil)
    }

    @Test("tokens persist through a token store and are read back")
    func tokenStore() async throws {
        let transport = MockTransport()
        let store = MemoryTokenStore()
        let client = try BT.client(transport) { $0.tokenStore = store }
        BT.enqueueLogin(transport)
        try await client.login()
        let saved = try #require(try await store.loadToken())
        #expect(saved.refreshToken?.revealed == BT.refreshToken)
        let second = try BT.client(MockTransport()) { $0.tokenStore = store }
        try await second.login()
        #expect(await second.currentToken()?.accessToken.revealed == BT.accessToken)
    }

    @Test("a corrupt token file is a typed error")
    func corruptTokenFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "bticino-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "token.json")
        try Data("{\"access_token\": tru".utf8).write(to: file)
        let client = try BT.client(MockTransport()) { $0.tokenStore = FileTokenStore(url: file) }
        await #expect(throws: (any Error).self) { try await client.login() }
    }

    @Test("setToken installs saved tokens without a request; validAccessToken hands out a valid one")
    func setTokenAndValid() async throws {
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock, credentials: false)
        await client.setToken(BT.validToken(clock: clock))
        #expect(transport.requests.isEmpty)
        #expect(try await client.validAccessToken().revealed == BT.accessToken)
        #expect(client.loadedTopology == nil)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        _ = try await client.topology()
        #expect(client.loadedTopology?.user?.email == "tester@example.org")
    }

    @Test("sign-out forgets the token")
    func signOut() async throws {
        let client = try await BT.signedIn(MockTransport())
        await client.signOut()
        #expect(await client.currentToken() == nil)
    }
}
