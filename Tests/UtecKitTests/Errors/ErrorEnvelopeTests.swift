import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Errors inside HTTP 200, per device, and on the wire")
struct ErrorEnvelopeTests {
    @Test("INVALID_TOKEN inside HTTP 200 triggers exactly one refresh and one retry")
    func invalidTokenRefreshesOnce() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("error-invalid-token.json"), path: "/action")
        transport.enqueue(UT.fixture("token.json"), path: "/token")
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        let manager = try UT.oauth(transport: transport).tokenManager(
            initialToken: OAuth2Token(accessToken: "at-revoked", refreshToken: "rt-old"))
        let client = try UT.client(transport: transport, authorization: .tokens(manager))
        let result = try await client.query(deviceIDs: [UT.lockID])
        #expect(result.states.count == 3)
        #expect(transport.requests(to: "/token").count == 1)
        let headers = transport.requests(to: "/action").map { $0.headers[.authorization] }
        #expect(headers == ["Bearer at-revoked", "Bearer at-test-123"])
    }

    @Test("INVALID_TOKEN again after the refresh ends with reauthenticationRequired, no loop")
    func invalidTokenTwice() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("error-invalid-token.json"), path: "/action")
        transport.enqueue(UT.fixture("token.json"), path: "/token")
        transport.enqueue(UT.fixture("error-invalid-token.json"), path: "/action")
        let manager = try UT.oauth(transport: transport).tokenManager(
            initialToken: OAuth2Token(accessToken: "at-revoked", refreshToken: "rt-old"))
        let client = try UT.client(transport: transport, authorization: .tokens(manager))
        let error = await UT.apiError { try await client.discoverDevices() }
        #expect(error?.kind == .reauthenticationRequired)
        #expect(error?.vendorError(as: UtecServiceError.self)?.isInvalidToken == true)
        #expect(transport.requests.count == 3)
    }

    @Test("validateAuthentication is false for a revoked token (the original said true)")
    func validateAuthentication() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("error-invalid-token.json"), path: "/action")
        transport.enqueue(UT.fixture("error-invalid-token.json"), path: "/action")
        let client = try UT.client(transport: transport, authorization: .accessToken { "same-token" })
        #expect(try await client.validateAuthentication() == false)
        let ok = MockTransport()
        ok.enqueue(UT.fixture("discovery.json"), path: "/action")
        #expect(try await UT.client(transport: ok).validateAuthentication() == true)
    }

    @Test("INTERNAL_ERROR inside HTTP 200 is a transient server error carrying the vendor's error")
    func internalError() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("error-internal.json"), path: "/action")
        let client = try UT.client(transport: transport) { $0.retryPolicy = .none }
        let error = await UT.apiError { try await client.discoverDevices() }
        #expect(error?.kind == .server)
        #expect(error?.isTransient == true)
        #expect(error?.status == 200)
        #expect(error?.vendorCode == "INTERNAL_ERROR")
        #expect(error?.vendorError(as: UtecServiceError.self)?.message == "Something went wrong on our side.")
    }

    @Test("an unknown envelope code (BAD-REQUEST) is a client error; a command is never repeated")
    func unknownCode() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("error-bad-request.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let error = await UT.apiError { try await client.send(.turnOn, to: UT.device(UT.switchID)) }
        #expect(error?.kind == .client)
        #expect(error?.vendorCode == "BAD-REQUEST")
        #expect(transport.requests.count == 1)
    }

    @Test("per-device errors: the offline device throws deviceError, the other still parses")
    func perDeviceError() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("device-error.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let result = try await client.query(deviceIDs: [UT.lockID, UT.switchID])
        #expect(result.failures.count == 1)
        let failure = try #require(result.failures.first)
        #expect(failure.code == .deviceError)
        #expect(failure.deviceID == UT.lockID)
        #expect(failure.vendorCode == "DEVICE_OFFLINE")
        #expect(failure.isTransient)
        #expect(try result.state(of: UT.switchID).value(.switch, "switch") == "off")
        #expect(UT.syncError { try result.state(of: UT.lockID) } == failure)
        #expect(UT.syncError { try result.state(of: "missing") }?.code == .deviceMissing)
    }

    @Test("a single-device query of an offline device throws its error")
    func offlineSingle() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("device-error.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let error = await UT.utecError { try await client.state(of: UT.device(UT.lockID)) }
        #expect(error?.code == .deviceError && error?.vendorCode == "DEVICE_OFFLINE")
    }

    @Test("HTTP errors: 500 text, 400 empty, 401, 429 with Retry-After, HTML page")
    func httpErrors() async throws {
        let cases: [(MockResponse, APIError.Kind)] = [
            (.status(500, body: Data("upstream broke".utf8), headers: [.contentType: "text/plain"]), .server),
            (.status(400), .client),
            (.status(429, headers: [.retryAfter: "7"]), .rateLimited),
            (UT.fixture("error-page.html", status: 502), .server),
        ]
        for (response, kind) in cases {
            let transport = MockTransport()
            transport.enqueue(response, path: "/action")
            let client = try UT.client(transport: transport) { $0.retryPolicy = .none }
            let error = await UT.apiError { try await client.discoverDevices() }
            #expect(error?.kind == kind, "\(kind)")
        }
        let unauthorized = MockTransport()
        unauthorized.enqueue(.status(401), path: "/action")
        unauthorized.enqueue(.status(401), path: "/action")
        let error = await UT.apiError {
            try await UT.client(transport: unauthorized, authorization: .accessToken { "fixed" }).discoverDevices()
        }
        #expect(error?.requiresReauthentication == true)
    }

    @Test("reads are retried after a 500; commands are not")
    func retries() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(500), path: "/action")
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        let client = try UT.client(transport: transport)
        #expect(try await client.discoverDevices().devices.count == 3)
        let commands = MockTransport()
        commands.enqueue(.status(500), path: "/action")
        let error = await UT.apiError {
            try await UT.client(transport: commands).send(.turnOn, to: UT.device(UT.switchID))
        }
        #expect(error?.kind == .server)
        #expect(commands.requests.count == 1)
    }

    @Test("204 is an empty success; malformed, truncated and HTML 200 bodies are typed errors")
    func bodies() async throws {
        let empty = MockTransport()
        empty.enqueue(.status(204), path: "/action")
        #expect(try await UT.client(transport: empty).discoverDevices().devices.isEmpty)
        for body in [
            "{\"header\":", "not json", "<html><body>oops</body></html>", "[1,2]", "{\"payload\":{\"devices\":5}}",
        ] {
            let transport = MockTransport()
            transport.enqueue(.json(200, body), path: "/action")
            let client = try UT.client(transport: transport) { $0.retryPolicy = .none }
            do {
                _ = try await client.discoverDevices()
                Issue.record("no error for \(body)")
            } catch {
                #expect(error is APIError || error is UtecError, "\(body)")
            }
        }
    }

    @Test("a transport failure and a time-out are transient APIErrors")
    func transport() async throws {
        let transport = MockTransport()
        transport.enqueue(.failure(.notConnectedToInternet), path: "/action")
        let client = try UT.client(transport: transport) { $0.retryPolicy = .none }
        let error = await UT.apiError { try await client.discoverDevices() }
        #expect(error?.kind == .transport)
    }

    @Test("a cancelled call ends with a typed error and does not hang")
    func cancellation() async throws {
        let transport = MockTransport()
        transport.enqueue(.hang, path: "/action")
        let client = try UT.client(transport: transport)
        let task = Task { try await client.discoverDevices() }
        task.cancel()
        let result = await task.result
        switch result {
        case .success: Issue.record("a cancelled call succeeded")
        case .failure(let error): #expect((error as? APIError)?.kind == .cancelled)
        }
    }

    @Test("UtecError codes: transient only for passing device errors, never reauthentication")
    func utecErrorFlags() {
        #expect(UtecError(.deviceError, "x", deviceID: "d", vendorCode: "DEVICE_OFFLINE").isTransient)
        #expect(!UtecError(.deviceError, "x", deviceID: "d", vendorCode: "NOT_SUPPORTED").isTransient)
        #expect(!UtecError(.invalidArgument, "x").isTransient)
        #expect(!UtecError(.invalidArgument, "x").requiresReauthentication)
        #expect(UtecError(.deviceError, "m", deviceID: "d", vendorCode: "C").description.contains("deviceError"))
        #expect(UtecError(.invalidArgument, String(repeating: "x", count: 2000)).message.count < 600)
    }
}
