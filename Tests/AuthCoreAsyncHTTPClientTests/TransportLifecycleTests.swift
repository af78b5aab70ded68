import AsyncHTTPClient
import AuthCore
import AuthCoreAsyncHTTPClient
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Who shuts down which `HTTPClient`, and what a shut-down transport does.
@Suite("AsyncHTTPClient transport lifecycle", .serialized)
struct TransportLifecycleTests {
    static func ping(_ transport: AsyncHTTPClientTransport, _ server: LoopbackHTTPServer) async throws -> Int {
        let request = HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:\(server.port)", path: "/ping")
        return try await transport.send(request, body: nil, timeout: .seconds(10)).status
    }

    @Test("after shutdown a transport refuses requests with a typed error, and a second shutdown is harmless")
    func shutdownOwned() async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 204) }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport()
        #expect(try await Self.ping(transport, server) == 204)
        try await transport.shutdown()
        try await transport.shutdown()
        let error = await TestHelpers.apiError { try await Self.ping(transport, server) }
        #expect(error?.kind == .invalidConfiguration)
        #expect(server.requests.count == 1)
    }

    @Test("a transport never shuts down a client it was given")
    func borrowedClientStaysUp() async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 204) }
        defer { server.stop() }
        let client = HTTPClient(configuration: AsyncHTTPClientTransport.Configuration().clientConfiguration())
        let transport = AsyncHTTPClientTransport(client: client)
        #expect(try await Self.ping(transport, server) == 204)
        try await transport.shutdown()
        #expect(try await Self.ping(transport, server) == 204)
        let direct = try await client.execute(HTTPClientRequest(url: "\(server.baseURL)/direct"), timeout: .seconds(10))
        #expect(direct.status.code == 204)
        try await client.shutdown()
    }

    @Test("a transport released without shutdown shuts its client down itself")
    func releasedWithoutShutdown() async throws {
        // AsyncHTTPClient traps in debug builds when a client it did not shut down is released:
        // this test crashes the run if the transport forgets to.
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 204) }
        defer { server.stop() }
        var transport: AsyncHTTPClientTransport? = AsyncHTTPClientTransport()
        #expect(try await Self.ping(transport!, server) == 204)
        transport = nil
        #expect(transport == nil)
    }

    @Test("the process-wide transport ignores shutdown")
    func sharedIgnoresShutdown() async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 204) }
        defer { server.stop() }
        try await AsyncHTTPClientTransport.shared.shutdown()
        #expect(try await Self.ping(AsyncHTTPClientTransport.shared, server) == 204)
    }
}
