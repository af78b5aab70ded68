import AuthCore
import Foundation
import HTTPTypes
import Logging
import Synchronization
import TestSupport
import VendorFixtures

@testable import OdynKit

/// Shared values and helpers for the OdynKit tests.
enum BC {
    static let tenant = "11111111-2222-3333-4444-555555555555"
    static let api =
        "https://api.businesscentral.dynamics.com/v2.0/11111111-2222-3333-4444-555555555555/Sandbox/api/v2.0/"
    static let apiPath = "/v2.0/11111111-2222-3333-4444-555555555555/Sandbox/api/v2.0/"
    static let company = "9c4f2e10-0000-4a1b-8c3d-00000000c0de"
    static let customers = "companies(9c4f2e10-0000-4a1b-8c3d-00000000c0de)/customers"
    static let items = "companies(9c4f2e10-0000-4a1b-8c3d-00000000c0de)/items"
    static let itemID = "a0000000-0000-0000-0000-000000000001"
    static let itemETag = "W/\"JzE5OzExMjIzMzQ0NTU2Njc3OzAwOyc=\""
    static let tokenPath = "/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token"
    static let fixtureToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.FAKE.PAYLOAD"
    static let bearer: Secret = "bearer-token-for-tests-7f3a"

    static func session() throws -> OdynSession {
        try OdynSession.bearer(bearer)
    }

    static func retry(retries: Int = 5, backoffFactor: Double = 2) throws -> OdynRetrySettings {
        try OdynRetrySettings(retries: retries, backoffFactor: backoffFactor)
    }

    static func client(
        transport: MockTransport,
        clock: TestClock = TestClock(),
        session: OdynSession? = nil,
        retry: OdynRetrySettings = .default,
        logger: Logger? = nil,
        logsFilterValues: Bool = false,
        pagination: ODataPagination = ODataPagination(),
        baseURL: String = BC.api
    ) throws -> OdynClient {
        let configuration = OdynClient.Configuration(
            baseURL: baseURL, session: try session ?? BC.session(), retry: retry, pagination: pagination,
            logsFilterValues: logsFilterValues, timeSource: clock, random: .seeded(7)
        )
        return try OdynClient(configuration: configuration, transport: transport, logger: logger)
    }

    static func credentials(secret: Secret = "client-secret-value-9q8w") throws -> EntraClientCredentials {
        try EntraClientCredentials(
            tenantId: tenant, clientId: "00000000-aaaa-bbbb-cccc-000000000123", clientSecret: secret)
    }

    /// Runs `body` and returns the `APIError` it threw, or `nil` when it threw nothing or something else.
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

    /// Runs `body` and returns the `OdynError` it threw, or `nil` when it threw nothing or something else.
    static func odynError<T>(_ body: () async throws -> T) async -> OdynError? {
        do {
            _ = try await body()
            return nil
        } catch let error as OdynError {
            return error
        } catch {
            return nil
        }
    }

    /// Like ``odynError(_:)`` for synchronous code.
    static func syncError<T>(_ body: () throws -> T) -> OdynError? {
        do {
            _ = try body()
            return nil
        } catch let error as OdynError {
            return error
        } catch {
            return nil
        }
    }

    /// Business Central's parsed error carried by `error`.
    static func service(_ error: APIError?) -> BCServiceError? {
        error?.vendorError(as: BCServiceError.self)
    }

    /// Entra ID's parsed error carried by `error`.
    static func entra(_ error: APIError?) -> EntraTokenError? {
        error?.vendorError(as: EntraTokenError.self)
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(jsonData: Fixture.data(path))
    }

    static func header(_ name: String, _ value: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[HTTPField.Name(name)!] = value
        return fields
    }
}

/// A thread-safe counter that escaping closures can capture.
final class Counter: Sendable {
    private let state: Mutex<Int>

    init(_ start: Int = 0) {
        state = Mutex(start)
    }

    var value: Int { state.withLock { $0 } }

    @discardableResult
    func increment() -> Int {
        state.withLock { value in
            value += 1
            return value
        }
    }
}
