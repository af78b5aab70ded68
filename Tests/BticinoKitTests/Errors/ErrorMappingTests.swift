import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("REST error mapping keeps the real status and Netatmo's code")
struct ErrorMappingTests {
    static func failingTopology(_ response: MockResponse, count: Int = 4) async throws -> APIError {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        for _ in 0..<count { transport.enqueue(response, path: "/api/homesdata") }
        return try await #require(throws: APIError.self) { try await client.topology() }
    }

    @Test("500 text: server error with status 500")
    func serverText() async throws {
        let error = try await Self.failingTopology(.status(500, body: Data("Internal Server Error".utf8)))
        #expect(error.status == 500)
        #expect(error.kind == .server)
        #expect(error.vendorError(as: BticinoServiceError.self) == BticinoServiceError(status: 500))
    }

    @Test("502 HTML page: status 502, transient")
    func htmlPage() async throws {
        let error = try await Self.failingTopology(.fixture(502, "bticino/error-502.html"))
        #expect(error.status == 502)
        #expect(error.isTransient)
    }

    @Test("400 with a string error: client error with the code")
    func stringError() async throws {
        let error = try await Self.failingTopology(.fixture(400, "bticino/api-error-string.json"))
        #expect(error.status == 400)
        #expect(error.kind == .client)
        #expect(error.vendorCode == "invalid_request")
        #expect(error.vendorError(as: BticinoServiceError.self)?.error == "invalid_request")
    }

    @Test("403 access token expired: one refresh, then the call is retried and succeeds")
    func expiredThenRefresh() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(403, "bticino/api-error-expired.json"), path: "/api/homesdata")
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
        let topology = try await client.topology()
        #expect(topology.homes.count == 2)
        let calls = transport.requests(to: "/api/homesdata")
        #expect(calls.last?.headers[.authorization] == "Bearer \(BT.refreshedToken)")
    }

    @Test("403 invalid token twice: reauthentication required, with code 2 and status 403")
    func invalidTokenTwice() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.fixture(403, "bticino/api-error-invalid-token.json"), path: "/api/homesdata")
        transport.enqueue(.fixture(200, "bticino/token-response-refreshed.json"), path: "/oauth2/token")
        transport.enqueue(.fixture(403, "bticino/api-error-invalid-token.json"), path: "/api/homesdata")
        let error = try await #require(throws: APIError.self) { try await client.topology() }
        #expect(error.requiresReauthentication)
        #expect(error.status == 403)
        #expect(error.vendorCode == "2")
        #expect(error.vendorMessage == "Invalid access token")
    }

    @Test("a 403 that is not a token problem is not retried")
    func forbidden() async throws {
        let error = try await Self.failingTopology(.fixture(403, "bticino/api-error-server.json"), count: 1)
        #expect(error.status == 403)
        #expect(error.vendorCode == "11")
        #expect(!error.requiresReauthentication)
    }

    @Test("200 HTML, malformed and truncated JSON: invalidResponse with status 200")
    func badBodies() async throws {
        for body in ["<html><body>maintenance</body></html>", "{\"status\":\"ok\",\"body\":{\"homes\":[", "{nope}"] {
            let error = try await Self.failingTopology(.status(200, body: Data(body.utf8)), count: 1)
            #expect(error.kind == .invalidResponse)
            #expect(error.status == 200)
        }
    }

    @Test("a JSON array instead of an object is a typed BticinoError")
    func notAnObject() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.json(200, "[1,2,3]"), path: "/api/homesdata")
        let error = try await #require(throws: BticinoError.self) { try await client.topology() }
        #expect(error.code == .invalidResponse)
    }

    @Test("a time-out is kind timeout")
    func timeout() async throws {
        let error = try await Self.failingTopology(.failure(.timedOut))
        #expect(error.kind == .timeout || error.kind == .transport)
        #expect(error.isTransient)
    }

    @Test("huge and hostile bodies never crash")
    func hostile() async throws {
        let huge =
            "{\"status\":\"ok\",\"body\":{\"homes\":[" + String(repeating: "{\"id\":1e999999},", count: 2000) + "{}]}}"
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.json(200, huge), path: "/api/homesdata")
        transport.enqueue(.json(200, String(repeating: "[", count: 100_000)), path: "/api/homesdata")
        _ = try? await client.topology()
        await #expect(throws: APIError.self) { try await client.topology() }
    }

    @Test("cancellation ends a call with a cancelled error")
    func cancelled() async throws {
        let transport = MockTransport()
        let client = try await BT.signedIn(transport)
        transport.enqueue(.hang, path: "/api/homesdata")
        let task = Task { try await client.topology() }
        task.cancel()
        await #expect(throws: (any Error).self) { try await task.value }
    }

    @Test("BticinoError: codes, transient and reauthentication flags, bounded message")
    func ownError() {
        let long = BticinoError(.unknownHome, String(repeating: "x", count: 5000))
        #expect(long.message.count < 1100)
        #expect(BticinoError(.connectionFailed, "x").isTransient)
        #expect(!BticinoError(.unknownHome, "x").isTransient)
        #expect(BticinoError(.subscriptionRejected, "x", vendorCode: 3).requiresReauthentication)
        #expect(!BticinoError(.subscriptionRejected, "x", vendorCode: 11).requiresReauthentication)
        #expect("\(BticinoError(.ackTimeout, "late"))" == "BticinoError.ackTimeout: late")
    }
}
