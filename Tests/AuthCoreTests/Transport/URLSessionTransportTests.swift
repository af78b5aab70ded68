import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// The real stack once: URLSession (FoundationNetworking on Linux) against a loopback server.
@Suite("URLSession transport over loopback", .serialized)
struct URLSessionTransportTests {
    static let transport = URLSessionTransport(configuration: .init(defaultTimeout: .seconds(10)))

    func client(_ server: LoopbackHTTPServer, configure: (inout APIClient.Configuration) -> Void = { _ in }) throws
        -> APIClient
    {
        var configuration = APIClient.Configuration(baseURL: server.baseURL, retryPolicy: .none)
        configure(&configuration)
        return try APIClient(configuration: configuration, transport: Self.transport)
    }

    @Test("a JSON request and response travel intact")
    func roundTrip() async throws {
        let server = try LoopbackHTTPServer { request in
            LoopbackResponse(status: 201, headers: [("Content-Type", "application/json")], body: request.body)
        }
        defer { server.stop() }
        let client = try client(server) { $0.authenticator = StaticCredentials.bearer("tok") }
        let echoed = try await client.send(
            Endpoint<JSONValue>.json(.post, "/echo?x=1", body: try .json(["name": "Widget & Co"])))
        #expect(echoed["name"] == "Widget & Co")
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.target == "/echo?x=1")
        #expect(received.headers["authorization"] == "Bearer tok")
        #expect(received.headers["content-type"] == "application/json")
    }

    @Test("error statuses come back as responses and map to typed errors")
    func errorStatus() async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(
                status: 503, headers: [("Retry-After", "2"), ("Content-Type", "application/json")],
                body: Data(#"{"error":{"code":"Busy","message":"later"}}"#.utf8))
        }
        defer { server.stop() }
        let error = await TestHelpers.apiError {
            try await client(server).send(Endpoint<JSONValue>.json(.get, "/busy"))
        }
        #expect(error?.kind == .server)
        #expect(error?.status == 503)
        #expect(error?.vendorCode == "Busy")
        #expect(error?.retryAfter == .seconds(2))
    }

    @Test("the whole-attempt timeout fires although the server is still sending")
    func timeout() async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(status: 200, body: Data("{}".utf8), delay: .seconds(3))
        }
        defer { server.stop() }
        let started = ContinuousClock.now
        let error = await TestHelpers.apiError {
            try await client(server).send(
                Endpoint<JSONValue>.json(.get, "/slow"), options: RequestOptions(timeout: .milliseconds(300)))
        }
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("no complete response within 0.3s") == true)
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test("a refused connection is a transient transport error")
    func refused() async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 200) }
        let client = try client(server)
        server.stop()
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/gone")) }
        #expect(error?.kind == .transport)
        #expect(error?.isTransient == true)
    }

    @Test("cookies set over the wire are kept by the client's jar, not the shared store")
    func cookies() async throws {
        let server = try LoopbackHTTPServer { request in
            if request.target == "/login" {
                return LoopbackResponse(
                    status: 200,
                    headers: [
                        ("Set-Cookie", "Authentication=jwt-a; Path=/; HttpOnly"),
                        ("Set-Cookie", "Refresh=jwt-r; Path=/"),
                    ], body: Data("{}".utf8))
            }
            return LoopbackResponse(
                status: 200, headers: [("Content-Type", "application/json")],
                body: Data(#"{"cookie":"\#(request.headers["cookie"] ?? "")"}"#.utf8))
        }
        defer { server.stop() }
        let jar = CookieJar()
        let client = try client(server) { $0.cookieJar = jar }
        _ = try await client.send(Endpoint<RawResponse>.raw(.post, "/login"))
        #expect(jar.cookieNames == ["Authentication", "Refresh"])
        let echoed = try await client.send(Endpoint<JSONValue>.json(.get, "/me"))
        #expect(echoed["cookie"]?.stringValue?.contains("Authentication=jwt-a") == true)
        #expect(echoed["cookie"]?.stringValue?.contains("Refresh=jwt-r") == true)
        let other = try self.client(server)
        let fresh = try await other.send(Endpoint<JSONValue>.json(.get, "/me"))
        #expect(fresh["cookie"] == "")
    }

    @Test("credentials do not follow a redirect to another origin")
    func crossOriginRedirect() async throws {
        let target = try LoopbackHTTPServer { request in
            LoopbackResponse(
                status: 200, headers: [("Content-Type", "application/json")],
                body: Data(#"{"authorization":"\#(request.headers["authorization"] ?? "none")"}"#.utf8))
        }
        defer { target.stop() }
        let origin = try LoopbackHTTPServer { _ in
            LoopbackResponse(status: 302, headers: [("Location", "http://localhost:\(target.port)/landing")])
        }
        defer { origin.stop() }
        let client = try client(origin) { $0.authenticator = StaticCredentials.bearer("tok-redirect") }
        let landed = try await client.send(Endpoint<JSONValue>.json(.get, "/start"))
        #expect(origin.requests.first?.headers["authorization"] == "Bearer tok-redirect")
        #expect(landed["authorization"] == "none")
    }
}
