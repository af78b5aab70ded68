import AuthCore
import Foundation
import HTTPTypes
import Logging
import TestSupport
import VendorFixtures

@testable import BticinoKit

/// Builds clients over `MockTransport` and `TestClock` for the unit tests.
enum BT {
    static let username = "tester@example.org"
    static let password = Secret("p&ss+w=rd ü")
    static let clientSecret = Secret("c1e2n3t4s5e6c7r8e9t0aabbccddeeff")
    static let home = "6100000000000000000000b1"
    static let emptyHome = "6100000000000000000000b2"
    static let bridge = "00:03:50:12:34:56"
    static let externalUnit = "123456-a001-000000000001"
    static let lock = "123456-a001-000000000002"
    static let light = "123456-0500-000000000003"
    static let accessToken = "5f00aa00aa00aa00aa00aa01|0f1e2d3c4b5a69788796a5b4c3d2e1f0"
    static let refreshToken = "5f00aa00aa00aa00aa00aa01|aa11bb22cc33dd44ee55ff6600112233"
    static let refreshedToken = "5f00aa00aa00aa00aa00aa01|1a2b3c4d5e6f708192a3b4c5d6e7f809"

    static func configuration(
        clock: TestClock = TestClock(), credentials: Bool = true, baseURL: URL = URL(string: "https://app.netatmo.net")!
    ) -> BticinoClient.Configuration {
        var configuration = BticinoClient.Configuration(
            credentials: credentials ? BticinoCredentials(username: username, password: password) : nil,
            clientSecret: clientSecret, baseURL: baseURL, timeSource: clock, random: .seeded(7))
        configuration.push.backoff = BticinoBackoff(initial: .seconds(5), maximum: .seconds(120), jitter: 0)
        return configuration
    }

    static func client(
        _ transport: MockTransport, clock: TestClock = TestClock(), credentials: Bool = true,
        logger: Logger? = nil, change: (inout BticinoClient.Configuration) -> Void = { _ in }
    ) throws -> BticinoClient {
        var configuration = configuration(clock: clock, credentials: credentials)
        change(&configuration)
        return try BticinoClient(configuration: configuration, transport: transport, logger: logger)
    }

    /// A token that is valid for three hours from `clock`.
    static func validToken(clock: TestClock, lifetime: TimeInterval = 10_800) -> OAuth2Token {
        OAuth2Token(
            accessToken: Secret(accessToken), refreshToken: Secret(refreshToken),
            expiresAt: clock.now.addingTimeInterval(lifetime))
    }

    /// Gives `client` a token that is 30 s from its expiry (inside the 60 s refresh skew).
    static func expireSoon(_ client: BticinoClient, _ clock: TestClock) async {
        await client.tokens.setToken(validToken(clock: clock, lifetime: 10_800))
        clock.advance(by: .seconds(10_800 - 30))
    }

    /// Queues a login answer.
    static func enqueueLogin(_ transport: MockTransport, fixture: String = "bticino/token-response.json") {
        transport.enqueue(.fixture(200, fixture), path: "/oauth2/token")
    }

    /// A client already holding a valid token (no login needed).
    static func signedIn(
        _ transport: MockTransport, clock: TestClock = TestClock(),
        change: (inout BticinoClient.Configuration) -> Void = { _ in }
    ) async throws -> BticinoClient {
        let client = try BT.client(transport, clock: clock, change: change)
        await client.tokens.setToken(validToken(clock: clock))
        return client
    }

    /// A signed-in client with the topology loaded.
    static func withTopology(
        _ transport: MockTransport, clock: TestClock = TestClock(),
        change: (inout BticinoClient.Configuration) -> Void = { _ in }
    ) async throws -> BticinoClient {
        let client = try await signedIn(transport, clock: clock, change: change)
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        _ = try await client.topology()
        return client
    }

    static func json(_ fixture: String) throws -> JSONValue {
        try JSONValue(jsonData: Fixture.data(fixture))
    }

    static func text(_ fixture: String) throws -> String {
        try Fixture.text(fixture)
    }
}
