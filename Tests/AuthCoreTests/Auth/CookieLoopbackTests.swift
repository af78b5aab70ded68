import AuthCore
import Foundation
import TestSupport
import Testing

/// Cookies through the real URLSession stack, which hands repeated `Set-Cookie` fields over joined.
@Suite("Cookies over loopback", .serialized)
struct CookieLoopbackTests {
    static let transport = URLSessionTransport(configuration: .init(defaultTimeout: .seconds(10)))

    @Test("repeated Set-Cookie fields come back as separate cookies; Expires commas and value commas stay")
    func repeatedSetCookieFields() async throws {
        let server = try LoopbackHTTPServer { request in
            if request.target == "/login" {
                let cookies = [
                    "a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/", "b=x, y; Path=/", "c=3; Path=/; HttpOnly",
                ]
                return LoopbackResponse(status: 200, headers: cookies.map { ("Set-Cookie", $0) }, body: Data("{}".utf8))
            }
            let echoed = Data(#"{"cookie":"\#(request.headers["cookie"] ?? "")"}"#.utf8)
            return LoopbackResponse(status: 200, headers: [("Content-Type", "application/json")], body: echoed)
        }
        defer { server.stop() }
        let jar = CookieJar()
        let configuration = APIClient.Configuration(baseURL: server.baseURL, retryPolicy: .none, cookieJar: jar)
        let client = try APIClient(configuration: configuration, transport: Self.transport)
        _ = try await client.send(Endpoint<RawResponse>.raw(.post, "/login"))
        #expect(jar.cookieNames == ["a", "b", "c"])
        let echoed = try await client.send(Endpoint<JSONValue>.json(.get, "/me"))
        #expect(echoed["cookie"] == "a=1; b=x, y; c=3")
    }
}
