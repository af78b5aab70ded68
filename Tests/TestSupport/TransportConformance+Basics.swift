import AuthCore
import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension TransportConformance {
    static func roundTrip(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { request in
            LoopbackResponse(status: 201, headers: [("Content-Type", "application/json")], body: request.body)
        }
        defer { server.stop() }
        let client = try client(server, transport) { $0.authenticator = StaticCredentials.bearer("tok") }
        let echoed = try await client.send(
            Endpoint<JSONValue>.json(.post, "/echo?x=1", body: try .json(["name": "Widget & Co"])))
        problems.expect(echoed["name"] == "Widget & Co", "echoed body: \(echoed)")
        guard let received = server.requests.first else { return problems.fail("the server received nothing") }
        problems.expect(received.method == "POST", "method \(received.method)")
        problems.expect(received.target == "/echo?x=1", "target \(received.target)")
        problems.expect(received.headers["authorization"] == "Bearer tok", "authorization not sent as given")
        problems.expect(
            received.headers["content-type"] == "application/json",
            "content-type \(received.headers["content-type"] ?? "none")")
    }

    static func errorStatus(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(
                status: 503, headers: [("Retry-After", "2"), ("Content-Type", "application/json")],
                body: Data(#"{"error":{"code":"Busy","message":"later"}}"#.utf8))
        }
        defer { server.stop() }
        let client = try client(server, transport)
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/busy")) }
        problems.expect(error?.kind == .server, "kind \(String(describing: error?.kind))")
        problems.expect(error?.status == 503, "status \(String(describing: error?.status))")
        problems.expect(error?.vendorCode == "Busy", "vendor code \(String(describing: error?.vendorCode))")
        problems.expect(error?.retryAfter == .seconds(2), "retry after \(String(describing: error?.retryAfter))")
        let raw = try await transport.send(request(.get, server, "/busy"), body: nil, timeout: .seconds(5))
        problems.expect(raw.status == 503, "the transport itself answered \(raw.status), not the 503")
    }

    static func wholeAttemptTimeout(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        // 40 bytes, one every 100 ms: the connection is never idle for long, yet the whole answer
        // takes 4 s, far past the 0.3 s limit.
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(
                status: 200, headers: [("Content-Type", "application/json")],
                body: Data(("[" + String(repeating: "0,", count: 19) + "0]").utf8), byteInterval: .milliseconds(100))
        }
        defer { server.stop() }
        let client = try client(server, transport)
        let error = await TestHelpers.apiError {
            try await client.send(
                Endpoint<JSONValue>.json(.get, "/slow"), options: RequestOptions(timeout: .milliseconds(300)))
        }
        problems.expect(server.completedResponses == 0, "the call waited for the whole trickled response")
        problems.expect(error?.kind == .timeout, "kind \(String(describing: error?.kind))")
        problems.expect(
            error?.message.contains("no complete response within 0.3s") == true,
            "message \(String(describing: error?.message))")
    }

    static func refusedConnection(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 200) }
        let client = try client(server, transport)
        server.stop()
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.post, "/gone")) }
        problems.expect(error?.kind == .transport, "kind \(String(describing: error?.kind))")
        problems.expect(error?.isTransient == true, "not transient: \(String(describing: error))")
        problems.expect(
            TransientTransportErrors.default.isConnectionFailure(error),
            "not classified as a connection failure (so a POST would not be retried): \(String(describing: error))")
        problems.expect(error?.url?.contains("/gone") == true, "the client did not add the URL")
    }

    static func truncatedResponse(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(
                status: 200, headers: [("Content-Type", "application/json")], body: Data(#"{"partial":"#.utf8),
                framing: .declaredLength(100))
        }
        defer { server.stop() }
        let client = try client(server, transport)
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/cut")) }
        problems.expect(error?.kind == .transport, "kind \(String(describing: error?.kind))")
        problems.expect(error?.isTransient == true, "not transient: \(String(describing: error))")
        problems.expect(
            !TransientTransportErrors.default.isConnectionFailure(error),
            "a response cut short counted as a failure before the server saw the request")
    }

    static func cancellation(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let (arrivals, arrived) = AsyncStream.makeStream(of: Void.self)
        let server = try LoopbackHTTPServer { _ in
            arrived.yield()
            return LoopbackResponse(status: 200, body: Data("{}".utf8), delay: .seconds(5))
        }
        defer { server.stop() }
        let client = try client(server, transport)
        let call = Task { try await client.send(Endpoint<JSONValue>.json(.get, "/slow")) }
        var iterator = arrivals.makeAsyncIterator()
        _ = await iterator.next()
        call.cancel()
        let error: APIError?
        switch await call.result {
        case .success: error = nil
        case .failure(let failure): error = failure as? APIError
        }
        problems.expect(server.completedResponses == 0, "the call ended only after the server had answered")
        problems.expect(error?.kind == .cancelled, "kind \(String(describing: error?.kind))")
    }
}
