import AuthCore
import Foundation
import HTTPTypes
import Logging
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

/// Shared values and helpers for the UtecKit tests.
enum UT {
    static let api = URL(string: "https://api.u-tec.com/")!
    static let lockID = "0A:1B:2C:3D:4E:01"
    static let switchID = "0A:1B:2C:3D:4E:02"
    static let lightID = "0A:1B:2C:3D:4E:03"
    static let token: Secret = "at-test-123"
    static let clientSecret: Secret = "client-secret-utec-5k2j"
    static let redirect = "https://example.test/utec/callback"

    /// A client over `transport` with a fixed token from a host-supplied provider.
    static func client(
        transport: MockTransport,
        clock: TestClock = TestClock(),
        authorization: UtecAuthorization? = nil,
        logger: Logger? = nil,
        configure: (inout UtecClient.Configuration) -> Void = { _ in }
    ) throws -> UtecClient {
        var configuration = UtecClient.Configuration(
            baseURL: api, authorization: authorization ?? .accessToken { UT.token }, timeSource: clock,
            random: .seeded(7))
        configure(&configuration)
        return try UtecClient(configuration: configuration, transport: transport, logger: logger)
    }

    /// The OAuth client against the default endpoints.
    static func oauth(
        transport: MockTransport, clock: TestClock = TestClock(),
        placement: UtecOAuth.TokenParameterPlacement = .formBody, secretInURL: Bool = false
    ) throws -> UtecOAuth {
        try UtecOAuth(
            clientID: "client-id-utec", clientSecret: clientSecret, redirectURI: redirect,
            tokenParameterPlacement: placement, includesClientSecretInAuthorizationURL: secretInURL,
            transport: transport, timeSource: clock)
    }

    /// The devices of the discovery fixture.
    static func devices() throws -> [UtecDevice] {
        try UtecDeviceParser.discovery(json("utec/discovery.json")["payload"] ?? [:]).devices
    }

    /// The devices of the discovery fixture with the states of the query fixture.
    static func devicesWithState() throws -> [UtecDevice] {
        let states = try UtecStateParser.query(json("utec/query.json")["payload"] ?? [:])
        return try devices().map { device in
            var copy = device
            copy.state = states.states.first { $0.deviceID == device.id }
            return copy
        }
    }

    static func device(_ id: String) throws -> UtecDevice {
        try #require(try devicesWithState().first { $0.id == id })
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(jsonData: Fixture.data(path))
    }

    /// A fixture answer (`utec/<name>`).
    static func fixture(_ name: String, status: Int = 200) -> MockResponse {
        .fixture(status, "utec/\(name)")
    }

    /// Runs `body` and returns the `APIError` it threw.
    static func apiError<T>(_ body: () async throws -> T) async -> APIError? {
        do {
            _ = try await body()
            return nil
        } catch let error as APIError {
            return error
        } catch {
            return nil
        }
    }

    /// Runs `body` and returns the `UtecError` it threw.
    static func utecError<T>(_ body: () async throws -> T) async -> UtecError? {
        do {
            _ = try await body()
            return nil
        } catch let error as UtecError {
            return error
        } catch {
            return nil
        }
    }

    /// Like ``utecError(_:)`` for synchronous code.
    static func syncError<T>(_ body: () throws -> T) -> UtecError? {
        do {
            _ = try body()
            return nil
        } catch let error as UtecError {
            return error
        } catch {
            return nil
        }
    }

    /// The JSON bodies the transport received at `/action`, in order.
    static func actions(_ transport: MockTransport) -> [JSONValue] {
        transport.requests(to: "/action").compactMap(\.jsonBody)
    }

    /// A JSON value without the header's `messageId` (to compare with a fixture).
    static func withoutMessageID(_ json: JSONValue) -> JSONValue {
        guard case .object(var object) = json, case .object(var header)? = object["header"] else { return json }
        header["messageId"] = nil
        object["header"] = .object(header)
        return .object(object)
    }
}
