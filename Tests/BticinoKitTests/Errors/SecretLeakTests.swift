import AuthCore
import Foundation
import Logging
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Secrets never leak")
struct SecretLeakTests {
    @Test("a token endpoint echoing the password and secret: not in the error, its description or the logs")
    func echoedCredentials() async throws {
        let logs = LogCapture()
        let transport = MockTransport()
        let client = try BT.client(transport, logger: logs.logger)
        let echo =
            "{\"error\":\"invalid_grant\",\"error_description\":\"bad password \(BT.password.revealed) for secret \(BT.clientSecret.revealed)\"}"
        transport.enqueue(.json(400, echo), path: "/oauth2/token")
        let error = try await #require(throws: APIError.self) { try await client.login() }
        var dumped = ""
        dump(error, to: &dumped)
        for text in ["\(error)", String(reflecting: error), dumped, logs.text, error.vendorMessage ?? ""] {
            #expect(!text.contains(BT.password.revealed))
            #expect(!text.contains(BT.clientSecret.revealed))
        }
    }

    @Test("a REST endpoint echoing the access token: not in the error or logs")
    func echoedToken() async throws {
        let logs = LogCapture()
        let transport = MockTransport()
        let clock = TestClock()
        let client = try BT.client(transport, clock: clock, logger: logs.logger)
        await client.tokens.setToken(BT.validToken(clock: clock))
        transport.enqueue(
            .json(400, "{\"error\":{\"code\":21,\"message\":\"bad request with Bearer \(BT.accessToken)\"}}"),
            path: "/api/homesdata")
        let error = try await #require(throws: APIError.self) { try await client.topology() }
        var dumped = ""
        dump(error, to: &dumped)
        for text in ["\(error)", dumped, logs.text, error.vendorMessage ?? ""] {
            #expect(!text.contains(BT.accessToken))
        }
    }

    @Test("client, configuration, credentials and tokens show nothing secret")
    func mirrors() async throws {
        let client = try await BT.signedIn(MockTransport())
        var dumped = ""
        dump(client, to: &dumped)
        dump(client.configuration.credentials, to: &dumped)
        dump(await client.currentToken(), to: &dumped)
        dumped += "\(client) \(String(describing: client.configuration.credentials))"
        for secret in [BT.password.revealed, BT.clientSecret.revealed, BT.accessToken, BT.refreshToken] {
            #expect(!dumped.contains(secret))
        }
        #expect(dumped.contains(BT.username))
    }

    @Test("push at trace level: the subscribe frame's token never reaches the logs")
    func pushLogs() async throws {
        let server = try await PushTestServer.start([
            { connection in
                _ = try await connection.nextText()
                try await connection.send(PushLiveTests.ok)
                try await connection.send(try PushLiveTests.fixture("push-incoming-call.json"))
                connection.drop()
            }
        ])
        let logs = LogCapture()
        let clock = TestClock(mode: .manual)
        let client = try BT.client(MockTransport(), clock: clock, logger: logs.logger) { $0.pushURL = server.url }
        await client.tokens.setToken(BT.validToken(clock: clock))
        let stream = client.pushEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == .subscribed)
        #expect(try await iterator.next()?.event?.type == .incomingCall)
        guard case .reconnecting(let step)? = try await iterator.next() else {
            Issue.record("expected a reconnect")
            return
        }
        stream.stop()
        #expect(!step.reason.contains(BT.accessToken))
        #expect(logs.count > 0)
        #expect(!logs.text.contains(BT.accessToken))
        await server.stop()
    }
}
