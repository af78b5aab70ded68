import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing

@Suite("Cookie session")
struct CookieSessionTests {
    /// A portal: login sets cookies; API calls need the current Authentication cookie.
    final class Portal: Sendable {
        let current = Mutex("jwt-1")
        let refreshes = Mutex(0)
        let refreshStatus: Int
        /// `Set-Cookie` fields the API's 401 answers carry (a load balancer cookie, a deletion).
        let challengeCookies: [String]

        init(refreshStatus: Int = 200, challengeCookies: [String] = []) {
            self.refreshStatus = refreshStatus
            self.challengeCookies = challengeCookies
        }

        static func fields(_ setCookies: [String]) -> HTTPFields {
            HTTPFields(setCookies.map { HTTPField(name: .setCookie, value: $0) })
        }

        func handle(_ request: RecordedRequest) -> MockResponse {
            let cookie = request.headers[.cookie] ?? ""
            switch request.path {
            case "/auth/login":
                let access = current.withLock { $0 }
                let login = ["Authentication=\(access); Path=/", "Refresh=\(Canary.cookieValue); Path=/"]
                return .json(200, #"{"user":{"id":1}}"#, headers: Self.fields(login))
            case "/auth/refresh-token":
                refreshes.withLock { $0 += 1 }
                guard refreshStatus == 200, cookie.contains("Refresh=\(Canary.cookieValue)") else {
                    return .status(refreshStatus == 200 ? 401 : refreshStatus)
                }
                let next = current.withLock { value -> String in
                    value = "jwt-\(Int(value.dropFirst(4))! + 1)"
                    return value
                }
                return .json(200, "{}", headers: [.setCookie: "Authentication=\(next); Path=/"])
            default:
                return cookie.contains("Authentication=\(current.withLock { $0 })")
                    ? .json(200, #"{"ok":true}"#) : .status(401, headers: Self.fields(challengeCookies))
            }
        }
    }

    func makeClient(
        _ portal: Portal, transport: MockTransport, logger: LogCapture? = nil,
        jar: CookieJar = CookieJar(), sessionCookieNames: Set<String> = []
    ) throws -> APIClient {
        let base = try TestHelpers.client(baseURL: "https://portal.example.test", transport: transport) {
            $0.cookieJar = jar
            $0.logger = logger?.logger
        }
        let refresh = Endpoint<RawResponse>.raw(.get, "/auth/refresh-token", requiresAuthentication: false).map { _ in }
        let session = CookieSession(jar: jar, sessionCookieNames: sessionCookieNames, refresh: refresh)
        return base.with { $0.authenticator = session }
    }

    @Test("login cookies are sent; a 401 refreshes once and retries")
    func refreshOn401() async throws {
        let portal = Portal()
        let transport = MockTransport { portal.handle($0) }
        let client = try makeClient(portal, transport: transport)
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/auth/login", requiresAuthentication: false))
        portal.current.withLock { $0 = "jwt-5" }
        let value = try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1"))
        #expect(value["ok"] == .bool(true))
        #expect(transport.requests.map(\.path) == ["/auth/login", "/asset/1", "/auth/refresh-token", "/asset/1"])
        #expect(transport.requests.last?.headers[.cookie]?.contains("Authentication=jwt-6") == true)
    }

    @Test("concurrent 401s share one refresh")
    func singleFlight() async throws {
        let portal = Portal()
        let transport = MockTransport(yieldsWhileInFlight: 20) { portal.handle($0) }
        let client = try makeClient(portal, transport: transport)
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/auth/login", requiresAuthentication: false))
        portal.current.withLock { $0 = "jwt-5" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { _ = try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1")) } }
            try await group.waitForAll()
        }
        #expect(portal.refreshes.withLock { $0 } == 1)
    }

    @Test("a refresh answered with 401 means the user must log in again")
    func refreshRejected() async throws {
        let portal = Portal(refreshStatus: 401)
        let transport = MockTransport { portal.handle($0) }
        let client = try makeClient(portal, transport: transport)
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1")) }
        #expect(error?.kind == .reauthenticationRequired)
        #expect(transport.requests.map(\.path) == ["/asset/1", "/auth/refresh-token"])
    }

    @Test("a refresh refused with 403 means log in again; a 503 refresh is transient", arguments: [403, 503])
    func refreshOutcomeByStatus(status: Int) async throws {
        let portal = Portal(refreshStatus: status)
        let transport = MockTransport { portal.handle($0) }
        let client = try makeClient(portal, transport: transport)
        let error = try #require(
            await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1")) })
        #expect(error.requiresReauthentication == (status == 403))
        #expect(error.isTransient == (status == 503))
        #expect(transport.requests.map(\.path) == ["/asset/1", "/auth/refresh-token"])
    }

    @Test("with a concurrency limit of 1 the session's own refresh does not wait for the rejected call's slot")
    func refreshOutsideTheLimiter() async throws {
        let portal = Portal()
        let transport = MockTransport { portal.handle($0) }
        let jar = CookieJar()
        let client = try makeClient(portal, transport: transport, jar: jar).with {
            $0.concurrencyLimiter = ConcurrencyLimiter(limit: 1)
        }
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/auth/login", requiresAuthentication: false))
        portal.current.withLock { $0 = "jwt-5" }
        let value = try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1"))
        #expect(value["ok"] == .bool(true))
        #expect(transport.requests.map(\.path) == ["/auth/login", "/asset/1", "/auth/refresh-token", "/asset/1"])
        #expect(transport.requests[2].headers[.cookie]?.contains("Refresh=\(Canary.cookieValue)") == true)
        #expect(transport.requests[2].headers[.authorization] == nil)
    }

    @Test("cookie values never reach the logs")
    func cookiesNotLogged() async throws {
        let portal = Portal()
        let capture = LogCapture()
        let transport = MockTransport { portal.handle($0) }
        let client = try makeClient(portal, transport: transport, logger: capture)
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/auth/login", requiresAuthentication: false))
        _ = try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1"))
        #expect(capture.count > 0)
        #expect(!capture.text.contains(Canary.cookieValue))
        #expect(!capture.text.contains("jwt-1"))
    }

    @Test(
        "a 401 that also sets a load balancer cookie or deletes the session cookie still refreshes",
        arguments: [
            ["AWSALB=lb-2; Path=/"], ["Authentication=; Path=/; Max-Age=0"],
            ["AWSALB=lb-2", "Authentication=jwt-1; Path=/"],
        ]
    )
    func challengeSettingCookies(challengeCookies: [String]) async throws {
        let portal = Portal(challengeCookies: challengeCookies)
        let transport = MockTransport { portal.handle($0) }
        let client = try makeClient(portal, transport: transport)
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/auth/login", requiresAuthentication: false))
        portal.current.withLock { $0 = "jwt-5" }
        let value = try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1"))
        #expect(value["ok"] == .bool(true))
        #expect(transport.requests.map(\.path) == ["/auth/login", "/asset/1", "/auth/refresh-token", "/asset/1"])
        #expect(portal.refreshes.withLock { $0 } == 1)
    }

    @Test("with session cookie names, another response setting an unrelated cookie does not pass for a refresh")
    func unrelatedCookieFromAnotherResponse() async throws {
        let portal = Portal()
        let jar = CookieJar()
        let transport = MockTransport { request in
            // While this request is in flight, another call's 200 sets a stickiness cookie.
            if request.path == "/asset/1", request.headers[.cookie]?.contains("jwt-1") == true {
                jar.store(setCookieHeaders: ["AWSALB=lb-9; Path=/"], from: request.url, now: Date())
            }
            return portal.handle(request)
        }
        let names: Set = ["Authentication", "Refresh"]
        let client = try makeClient(portal, transport: transport, jar: jar, sessionCookieNames: names)
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/auth/login", requiresAuthentication: false))
        portal.current.withLock { $0 = "jwt-5" }
        let value = try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1"))
        #expect(value["ok"] == .bool(true))
        #expect(transport.requests.map(\.path) == ["/auth/login", "/asset/1", "/auth/refresh-token", "/asset/1"])
    }

    @Test("a session cookie renewed by another call since the request was sent skips the refresh")
    func renewedElsewhere() async throws {
        let portal = Portal()
        let jar = CookieJar()
        let transport = MockTransport { request in
            // Another call renews the session while this request, sent with the old cookie, is in flight.
            if request.path == "/asset/1", request.headers[.cookie]?.contains("jwt-1") == true {
                portal.current.withLock { $0 = "jwt-2" }
                jar.store(setCookieHeaders: ["Authentication=jwt-2; Path=/"], from: request.url, now: Date())
            }
            return portal.handle(request)
        }
        let names: Set = ["Authentication", "Refresh"]
        let client = try makeClient(portal, transport: transport, jar: jar, sessionCookieNames: names)
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/auth/login", requiresAuthentication: false))
        let value = try await client.send(Endpoint<JSONValue>.json(.get, "/asset/1"))
        #expect(value["ok"] == .bool(true))
        #expect(transport.requests.map(\.path) == ["/auth/login", "/asset/1", "/asset/1"])
        #expect(portal.refreshes.withLock { $0 } == 0)
    }
}
