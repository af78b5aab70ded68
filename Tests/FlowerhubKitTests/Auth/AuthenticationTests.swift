import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Login, refresh and reauthentication")
struct AuthenticationTests {
    @Test("login posts the credentials with the Origin header and stores the asset owner id")
    func loginSuccess() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("login.json"), method: .post, path: "/auth/login")
        let login = try await harness.client.login(username: "kim@example.test", password: "pw-for-tests")
        let request = try #require(harness.transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "\(portalBase)/auth/login")
        #expect(request.headers[.origin] == "https://portal.flowerhub.se")
        #expect(request.jsonBody == ["username": "kim@example.test", "password": "pw-for-tests"])
        #expect(await harness.client.assetOwnerId == 40123)
        #expect(login.user?.email == "kim.andersson@example.se")
        #expect(login.user?.name == nil)
        #expect(login.refreshTokenExpirationDate == "2026-04-02T09:14:27.512Z")
    }

    @Test("a numeric-string assetOwnerId is accepted")
    func loginStringOwnerId() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("login-owner-id-string.json"))
        let login = try await harness.client.login(username: "kim@example.test", password: "pw")
        #expect(await harness.client.assetOwnerId == 40123)
        #expect(login.user?.installerId == 312)
    }

    @Test("a login body without user leaves the owner id nil and reports the invalid response")
    func loginWithoutUser() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("login-no-user.json"))
        let result = try await harness.client.loginResult(username: "kim@example.test", password: "pw")
        #expect(await harness.client.assetOwnerId == nil)
        #expect(message(of: result.error).contains("missing user"))
        #expect(result.value == nil)
    }

    @Test("login cookies are kept in the client's jar and sent with later requests")
    func cookiesFlow() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(
            fh(
                "login.json",
                headers: setCookies(
                    "Authentication=acc-1; Path=/; HttpOnly; Secure; SameSite=None",
                    "Refresh=ref-1; Path=/; HttpOnly; Secure; SameSite=None"))
        )
        harness.transport.enqueue(fh("with-asset-id.json"))
        try await harness.client.login(username: "kim@example.test", password: "pw")
        #expect(harness.client.cookieJar.cookieNames == ["Authentication", "Refresh"])
        try await harness.client.fetchAssetId()
        let cookie = try #require(harness.transport.requests.last?.headers[.cookie])
        #expect(cookie.contains("Authentication=acc-1"))
        #expect(cookie.contains("Refresh=ref-1"))
        #expect(!harness.client.cookieJar.description.contains("acc-1"))
    }

    @Test("login 401 throws authentication, notifies once and never refreshes", arguments: CallForm.allCases)
    func login401(form: CallForm) async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-401.json", 401))
        let error = await #expect(throws: APIError.self) {
            switch form {
            case .throwing: try await harness.client.login(username: "kim@example.test", password: "pw")
            case .returningErrors:
                _ = try await harness.client.loginResult(username: "kim@example.test", password: "pw")
            }
        }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.requiresReauthentication == true)
        #expect(error?.message.contains("login failed (401)") == true)
        #expect(harness.authFailures.count == 1)
        #expect(harness.paths == ["/auth/login"])
    }

    @Test("login 403 is an HTTP client error, not authentication")
    func login403() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-404.json", 403))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.login(username: "kim@example.test", password: "pw")
        }
        #expect(error?.status == 403)
        #expect(error?.kind == .client)
        #expect(harness.authFailures.count == 0)
        #expect(harness.apiErrors.count == 1)
    }

    @Test("login 403 without throwing returns the status and the error")
    func login403NoThrow() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-404.json", 403))
        let result = try await harness.client.loginResult(username: "kim@example.test", password: "pw")
        #expect(result.statusCode == 403)
        #expect((result.error as? APIError)?.status == 403)
        #expect(result.json?["message"] == "Not Found")
        #expect(harness.apiErrors.count == 0)
    }

    @Test("login retries 5xx twice by default although it is a POST")
    func loginRetries5xx() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-500.html", 502))
        harness.transport.enqueue(fh("error-500.html", 503))
        harness.transport.enqueue(fh("login.json"))
        try await harness.client.login(username: "kim@example.test", password: "pw")
        #expect(harness.paths == ["/auth/login", "/auth/login", "/auth/login"])
        #expect(await harness.client.assetOwnerId == 40123)
    }

    @Test("an empty username is refused before any request")
    func emptyUsername() async throws {
        let harness = try await Harness()
        await #expect(throws: FlowerhubError.invalidArgument("username must not be empty")) {
            try await harness.client.login(username: " ", password: "pw")
        }
        #expect(harness.transport.requests.isEmpty)
    }

    @Test(
        "401 → refresh → retry succeeds and takes the owner id from either refresh body shape",
        arguments: [("refresh-wrapped.json", 40124), ("refresh-flat.json", 40125)])
    func refreshThenRetry(fixture: String, ownerId: Int) async throws {
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(40123)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-owner/40123/withAssetId")
        harness.transport.enqueue(
            fh(fixture, headers: setCookies("Authentication=acc-2; Path=/; Secure")), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        let assetId = try await harness.client.fetchAssetId()
        #expect(
            harness.paths == [
                "/asset-owner/40123/withAssetId", "/auth/refresh-token", "/asset-owner/40123/withAssetId",
            ])
        #expect(harness.transport.requests[1].method == .get)
        #expect(assetId == 880045)
        #expect(await harness.client.assetId == 880045)
        #expect(await harness.client.assetOwnerId == ownerId)
        #expect(harness.transport.requests[2].headers[.cookie] == "Authentication=acc-2")
        #expect(harness.authFailures.count == 0)
    }

    @Test(
        "401, refresh, 401 ends in reauthentication with one notification, whatever the options",
        arguments: CallForm.allCases)
    func doubleUnauthorized(form: CallForm) async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(fh("refresh-wrapped.json"), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        let error = await #expect(throws: APIError.self) {
            switch form {
            case .throwing: try await harness.client.fetchAsset()
            case .returningErrors: _ = try await harness.client.fetchAssetResult()
            }
        }
        #expect(error?.kind == .reauthenticationRequired)
        #expect(error?.message.contains("refresh failed") == true)
        #expect(error?.message.contains("login again") == true)
        #expect(harness.authFailures.count == 1)
        #expect(harness.transport.requests.count == 3)
        #expect(harness.apiErrors.count == 0)
    }

    @Test("a 401 from the refresh itself means reauthentication without a retry")
    func refreshUnauthorized() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/auth/refresh-token")
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchAsset() }
        #expect(error?.requiresReauthentication == true)
        #expect(harness.paths == ["/asset/880045", "/auth/refresh-token"])
        #expect(harness.authFailures.count == 1)
    }

    @Test("concurrent 401s share one refresh")
    func singleFlightRefresh() async throws {
        let arrivals = Recorder<String>()
        let transport = MockTransport { request in
            arrivals.append(request.path)
            if request.path == "/auth/refresh-token" {
                return fh("refresh-wrapped.json", headers: setCookies("Authentication=acc-3; Path=/; Secure"))
            }
            if request.headers[.cookie] == "Authentication=acc-3" { return fh("asset.json") }
            // Hold the first two requests until both have been sent, so both are rejected with the old cookie.
            for _ in 0..<10_000 where arrivals.all.filter({ $0.hasPrefix("/asset/") }).count < 2 { await Task.yield() }
            return fh("error-401.json", 401)
        }
        let harness = try await Harness(transport: transport)
        async let first = harness.client.fetchAsset(assetId: 880045)
        async let second = harness.client.fetchAsset(assetId: 880045)
        let results = try await [first, second]
        #expect(results.allSatisfy { $0.flowerhubStatus.status == "Connected" })
        #expect(arrivals.all.filter { $0 == "/auth/refresh-token" }.count == 1)
        #expect(arrivals.all.count == 5)
    }

    @Test("passwords and cookie values never reach trace logs or errors")
    func secretsStayOutOfLogs() async throws {
        let capture = LogCapture()
        let harness = try await Harness(logger: capture.logger)
        let password = "Pw-9f3kQ-never-log"
        let access = "eyJhbGciOiJIUzI1NiJ9.accessPayloadX7.sigA1"
        let renewed = "eyJhbGciOiJIUzI1NiJ9.accessPayloadY8.sigB2"
        let refresh = "refreshCookieValueZ9q"
        harness.transport.enqueue(
            fh(
                "login.json",
                headers: setCookies(
                    "Authentication=\(access); Path=/; HttpOnly; Secure", "Refresh=\(refresh); Path=/; HttpOnly; Secure"
                )))
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-owner")
        harness.transport.enqueue(
            fh("refresh-wrapped.json", headers: setCookies("Authentication=\(renewed); Path=/; HttpOnly; Secure")),
            path: "/auth/refresh-token")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-owner")
        try await harness.client.login(username: "kim@example.test", password: Secret(password))
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchAssetId() }
        // The secrets were really on the wire...
        #expect(harness.transport.requests[0].bodyText?.contains(password) == true)
        #expect(harness.transport.requests[1].headers[.cookie]?.contains(access) == true)
        #expect(harness.transport.requests[3].headers[.cookie]?.contains(renewed) == true)
        // ...but appear in no log line and no error text.
        #expect(capture.count > 4)
        #expect(capture.text.contains("/auth/refresh-token"))
        let printed = [
            capture.text, String(describing: error), String(reflecting: error), error?.localizedDescription ?? "",
        ].joined()
        for secret in [password, access, renewed, refresh] {
            #expect(!printed.contains(secret), "leaked \(secret.prefix(4))…")
        }
    }
}
