import AuthCore
import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension TransportConformance {
    /// A request carrying every kind of credential, and one header that is not a credential.
    static func credentialed(_ method: HTTPRequest.Method, _ server: LoopbackHTTPServer, _ path: String)
        -> HTTPRequest
    {
        var request = request(method, server, path)
        request.headerFields[.authorization] = "Bearer tok-redirect"
        request.headerFields[.cookie] = "session=s-redirect"
        request.headerFields[.proxyAuthorization] = "Basic cHJveHk6cHJveHk="
        request.headerFields[HTTPField.Name("X-Trace")!] = "t-1"
        return request
    }

    /// Which credentials `request` carried, by header name.
    static func credentials(in request: LoopbackRequest?) -> [String] {
        ["authorization", "cookie", "proxy-authorization"].filter { request?.headers[$0] != nil }
    }

    static func crossOriginRedirect(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        // origin (127.0.0.1) -> target (localhost, another origin) -> back to origin.
        let target = try LoopbackHTTPServer { request in
            let back = request.target.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
            return LoopbackResponse(status: 302, headers: [("Location", "http://\(back)/back")])
        }
        defer { target.stop() }
        let origin = try LoopbackHTTPServer { request in
            guard request.target == "/start" else { return LoopbackResponse(status: 200, body: Data("{}".utf8)) }
            let host = request.headers["host"] ?? ""
            return LoopbackResponse(
                status: 302, headers: [("Location", "http://localhost:\(target.port)/hop?back=\(host)")])
        }
        defer { origin.stop() }
        let response = try await transport.send(credentialed(.get, origin, "/start"), body: nil, timeout: .seconds(5))
        problems.expect(response.status == 200, "final status \(response.status)")
        let first = origin.requests.first
        problems.expect(credentials(in: first).count == 3, "the first request lacked credentials")
        let hop = target.requests.first
        problems.expect(hop != nil, "the redirect to the other origin was not followed")
        problems.expect(credentials(in: hop).isEmpty, "sent to the other origin: \(credentials(in: hop))")
        problems.expect(hop?.headers["x-trace"] == "t-1", "a header that is not a credential was dropped")
        let back = origin.requests.dropFirst().first
        problems.expect(back?.target == "/back", "the chain did not return to the first origin")
        problems.expect(credentials(in: back).isEmpty, "came back to the first origin: \(credentials(in: back))")
    }

    static func sameOriginRedirect(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { request in
            guard request.target == "/start" else { return LoopbackResponse(status: 200, body: Data("{}".utf8)) }
            return LoopbackResponse(status: 302, headers: [("Location", "/landing?from=start")])
        }
        defer { server.stop() }
        let response = try await transport.send(credentialed(.get, server, "/start"), body: nil, timeout: .seconds(5))
        problems.expect(response.status == 200, "final status \(response.status)")
        let landing = server.requests.dropFirst().first
        problems.expect(landing?.target == "/landing?from=start", "landed on \(landing?.target ?? "nothing")")
        problems.expect(credentials(in: landing).count == 3, "kept only \(credentials(in: landing))")
        problems.expect(landing?.headers["x-trace"] == "t-1", "a header that is not a credential was dropped")
    }

    /// A server that answers `/start/<status>` with that redirect to `/landing`, and `/landing` with 200.
    static func redirectingServer() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            guard request.target.hasPrefix("/start/"), let status = Int(request.target.dropFirst("/start/".count))
            else { return LoopbackResponse(status: 200, body: Data("{}".utf8)) }
            return LoopbackResponse(status: status, headers: [("Location", "/landing")], body: Data("moved".utf8))
        }
    }

    /// Sends `method` with a body to `/start/<status>` and returns what arrived at `/landing`.
    static func follow(
        _ method: HTTPRequest.Method, _ status: Int, on server: LoopbackHTTPServer, transport: any HTTPTransport
    ) async throws -> (response: RawResponse, landing: LoopbackRequest?) {
        let before = server.requests.count
        var request = request(method, server, "/start/\(status)")
        request.headerFields[.contentType] = "application/json"
        let body = method == .head ? nil : APIRequestBody(data: Data(#"{"a":1}"#.utf8))
        let response = try await transport.send(request, body: body, timeout: .seconds(5))
        let landing = server.requests.dropFirst(before + 1).first
        return (response, landing)
    }

    static func redirectToGet(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try redirectingServer()
        defer { server.stop() }
        let cases: [(HTTPRequest.Method, Int)] = [(.post, 301), (.post, 302), (.post, 303), (.put, 303), (.head, 303)]
        for (method, status) in cases {
            let (response, landing) = try await follow(method, status, on: server, transport: transport)
            let label = "\(method) then \(status)"
            problems.expect(response.status == 200, "\(label): final status \(response.status)")
            problems.expect(landing?.method == "GET", "\(label): continued as \(landing?.method ?? "nothing")")
            problems.expect(landing?.body.isEmpty == true, "\(label): the body was sent again")
        }
    }

    static func redirectKeepsMethod(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try redirectingServer()
        defer { server.stop() }
        let cases: [(HTTPRequest.Method, Int)] = [(.put, 301), (.put, 302), (.post, 307), (.delete, 307), (.post, 308)]
        for (method, status) in cases {
            let (response, landing) = try await follow(method, status, on: server, transport: transport)
            let label = "\(method) then \(status)"
            problems.expect(response.status == 200, "\(label): final status \(response.status)")
            problems.expect(
                landing?.method == method.rawValue, "\(label): continued as \(landing?.method ?? "nothing")")
        }
    }

    static func redirectResendsBody(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try redirectingServer()
        defer { server.stop() }
        for (method, status) in [(HTTPRequest.Method.put, 301), (.post, 307), (.put, 308)] {
            let (_, landing) = try await follow(method, status, on: server, transport: transport)
            let body = landing.map { String(decoding: $0.body, as: UTF8.self) } ?? "nothing"
            problems.expect(body == #"{"a":1}"#, "\(method) then \(status): the body arrived as '\(body)'")
        }
    }

    static func redirectLimit(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 302, headers: [("Location", "/again")]) }
        defer { server.stop() }
        let error = await TestHelpers.apiError {
            try await transport.send(request(.get, server, "/start"), body: nil, timeout: .seconds(10))
        }
        problems.expect(error?.kind == .transport, "kind \(String(describing: error?.kind))")
        let code = (error?.underlying as? URLError)?.code
        problems.expect(code == .httpTooManyRedirects, "underlying code \(String(describing: code))")
        problems.expect(error?.isTransient == false, "too many redirects counted as transient")
        problems.expect(server.requests.count == 21, "\(server.requests.count) requests, not 1 and 20 redirects")
    }

    static func unfollowedRedirects(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { request in
            switch request.target {
            case "/300": LoopbackResponse(status: 300, headers: [("Location", "/landing")], body: Data("pick".utf8))
            case "/304": LoopbackResponse(status: 304, headers: [("Location", "/landing")])
            case "/302": LoopbackResponse(status: 302, body: Data("nowhere".utf8))
            default: LoopbackResponse(status: 200, body: Data("{}".utf8))
            }
        }
        defer { server.stop() }
        for status in [300, 304, 302] {
            let response = try await transport.send(
                request(.get, server, "/\(status)"), body: nil, timeout: .seconds(5))
            problems.expect(response.status == status, "\(status) came back as \(response.status)")
        }
        problems.expect(server.requests.count == 3, "a redirect was followed: \(server.requests.map(\.target))")
    }
}
