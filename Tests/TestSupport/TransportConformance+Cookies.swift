import AuthCore
import Foundation

extension TransportConformance {
    static func cookiesInJar(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { request in
            if request.target == "/login" {
                return LoopbackResponse(
                    status: 200,
                    headers: [
                        ("Set-Cookie", "Authentication=jwt-a; Path=/; HttpOnly"),
                        ("Set-Cookie", "Refresh=jwt-r; Path=/"),
                    ], body: Data("{}".utf8))
            }
            return echo("cookie", of: request)
        }
        defer { server.stop() }
        let jar = CookieJar()
        let client = try client(server, transport) { $0.cookieJar = jar }
        _ = try await client.send(Endpoint<RawResponse>.raw(.post, "/login"))
        problems.expect(jar.cookieNames == ["Authentication", "Refresh"], "jar holds \(jar.cookieNames)")
        let echoed = try await client.send(Endpoint<JSONValue>.json(.get, "/me"))
        let sent = echoed["cookie"]?.stringValue ?? ""
        problems.expect(sent.contains("Authentication=jwt-a"), "Authentication cookie not sent back")
        problems.expect(sent.contains("Refresh=jwt-r"), "Refresh cookie not sent back")
        // A client without the jar, over the same transport, must send no cookie at all.
        let other = try self.client(server, transport)
        let fresh = try await other.send(Endpoint<JSONValue>.json(.get, "/me"))
        problems.expect(fresh["cookie"] == "none", "a client without a jar sent cookies: the transport stores them")
    }

    static func repeatedSetCookieFields(_ transport: any HTTPTransport, _ problems: inout Problems) async throws {
        let server = try LoopbackHTTPServer { request in
            if request.target == "/login" {
                let cookies = [
                    "a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/", "b=x, y; Path=/", "c=3; Path=/; HttpOnly",
                ]
                return LoopbackResponse(status: 200, headers: cookies.map { ("Set-Cookie", $0) }, body: Data("{}".utf8))
            }
            return echo("cookie", of: request)
        }
        defer { server.stop() }
        let jar = CookieJar()
        let client = try client(server, transport) { $0.cookieJar = jar }
        let login = try await client.send(Endpoint<RawResponse>.raw(.post, "/login"))
        problems.expect(
            login.headers[values: .setCookie].count == 3,
            "\(login.headers[values: .setCookie].count) Set-Cookie fields, not one per cookie")
        problems.expect(jar.cookieNames == ["a", "b", "c"], "jar holds \(jar.cookieNames)")
        let echoed = try await client.send(Endpoint<JSONValue>.json(.get, "/me"))
        problems.expect(echoed["cookie"] == "a=1; b=x, y; c=3", "the cookies sent back differ from the ones set")
    }
}
