import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("OAuth: authorize URL, callback, token exchange")
struct OAuthTests {
    static func query(_ url: URL) -> [String: String] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    @Test("the authorize URL has response_type, client_id, redirect_uri, scope=openapi and a random state")
    func authorizeURL() throws {
        let oauth = try UT.oauth(transport: MockTransport())
        let first = oauth.beginAuthorization()
        let second = oauth.beginAuthorization()
        let items = Self.query(first.url)
        #expect(first.url.absoluteString.hasPrefix("https://oauth.u-tec.com/authorize?"))
        #expect(items["response_type"] == "code")
        #expect(items["client_id"] == "client-id-utec")
        #expect(items["redirect_uri"] == UT.redirect)
        #expect(items["scope"] == "openapi")
        #expect((items["state"]?.count ?? 0) >= 22)
        #expect(items["state"] != Self.query(second.url)["state"])
        #expect(items["client_secret"] == nil)
        #expect(items["code_challenge"] == nil)
    }

    @Test("the client secret goes into the authorize URL only when asked")
    func secretInAuthorizeURL() throws {
        let oauth = try UT.oauth(transport: MockTransport(), secretInURL: true)
        #expect(Self.query(oauth.beginAuthorization().url)["client_secret"] == UT.clientSecret.revealed)
    }

    @Test("a callback with `code` exchanges it: form body with grant, code, redirect_uri, id and secret")
    func callbackWithCode() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("token.json"), path: "/token")
        let clock = TestClock()
        let oauth = try UT.oauth(transport: transport, clock: clock)
        let pending = oauth.beginAuthorization()
        let state = try #require(Self.query(pending.url)["state"])
        let token = try await pending.complete(
            callbackURL: URL(string: "\(UT.redirect)?code=auth-code-1&state=\(state)")!)
        #expect(token.accessToken.revealed == "at-test-123")
        #expect(token.refreshToken?.revealed == "rt-test-456")
        #expect(token.scope == "openapi")
        #expect(token.expiresAt == clock.now.addingTimeInterval(601_200 - 30))
        let form = try #require(transport.requests.first).formFields
        #expect(form["grant_type"] == "authorization_code")
        #expect(form["code"] == "auth-code-1")
        #expect(form["redirect_uri"] == UT.redirect)
        #expect(form["client_id"] == "client-id-utec")
        #expect(form["client_secret"] == UT.clientSecret.revealed)
    }

    @Test("a callback with U-Tec's `authorization_code` parameter works too")
    func callbackWithAuthorizationCode() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("token-flat.json"), path: "/token")
        let oauth = try UT.oauth(transport: transport)
        let pending = oauth.beginAuthorization()
        let state = try #require(Self.query(pending.url)["state"])
        let token = try await pending.complete(
            callbackURL: URL(string: "\(UT.redirect)?authorization_code=auth-code-2&state=\(state)")!)
        #expect(token.accessToken.revealed == "at-flat-789")
        #expect(transport.requests.first?.formFields["code"] == "auth-code-2")
    }

    @Test("a wrong or missing state, or a missing code, is refused before any request")
    func wrongState() async throws {
        let transport = MockTransport()
        let oauth = try UT.oauth(transport: transport)
        let wrong = await UT.apiError {
            try await oauth.beginAuthorization().complete(
                callbackURL: URL(string: "\(UT.redirect)?code=c&state=forged")!)
        }
        #expect(wrong?.kind == .authenticationFailed)
        let missing = await UT.apiError {
            try await oauth.beginAuthorization().complete(callbackURL: URL(string: "\(UT.redirect)?code=c")!)
        }
        #expect(missing?.kind == .authenticationFailed)
        let pending = oauth.beginAuthorization()
        let state = try #require(Self.query(pending.url)["state"])
        let noCode = await UT.apiError {
            try await pending.complete(callbackURL: URL(string: "\(UT.redirect)?state=\(state)")!)
        }
        #expect(noCode?.kind == .authenticationFailed)
        #expect(transport.requests.isEmpty)
    }

    @Test("token errors: F9b with HTTP 401 and with HTTP 200, and the data-wrapped message, are refusals")
    func tokenErrors() async throws {
        for (fixture, status) in [("token-error.json", 401), ("token-error.json", 200), ("token-error-data.json", 401)]
        {
            let transport = MockTransport()
            transport.enqueue(UT.fixture(fixture, status: status), path: "/token")
            let oauth = try UT.oauth(transport: transport)
            let error = await UT.apiError {
                try await oauth.refresh(OAuth2Token(accessToken: "old", refreshToken: "rt-old"))
            }
            #expect(error?.kind == .authenticationFailed, "\(fixture) \(status)")
            #expect(error?.requiresReauthentication == true)
            #expect(error?.vendorError(as: UtecServiceError.self) != nil)
        }
    }

    @Test("token endpoint 5xx stays transient")
    func tokenServerError() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("error-page.html", status: 502), path: "/token")
        let oauth = try UT.oauth(transport: transport)
        let error = await UT.apiError { try await oauth.refresh(OAuth2Token(accessToken: "old", refreshToken: "rt")) }
        #expect(error?.isTransient == true)
        #expect(error?.requiresReauthentication == false)
    }

    @Test("query placement sends the grant in the URL with an empty body")
    func queryPlacement() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("token.json"), path: "/token")
        let oauth = try UT.oauth(transport: transport, placement: .query)
        _ = try await oauth.refresh(OAuth2Token(accessToken: "old", refreshToken: "rt-old"))
        let request = try #require(transport.requests.first)
        let items = Self.query(request.url)
        #expect(items["grant_type"] == "refresh_token")
        #expect(items["refresh_token"] == "rt-old")
        #expect(items["client_id"] == "client-id-utec")
        #expect(request.body == nil || request.body?.isEmpty == true)
    }

    @Test("bad OAuth settings are refused with a named error")
    func validation() throws {
        #expect(
            UT.syncError {
                try UtecOAuth(clientID: "", clientSecret: "s", redirectURI: UT.redirect)
            }?.code == .invalidConfiguration)
        #expect(
            UT.syncError {
                try UtecOAuth(clientID: "id", clientSecret: "", redirectURI: UT.redirect)
            }?.code == .invalidConfiguration)
        #expect(
            UT.syncError {
                try UtecOAuth(
                    clientID: "id", clientSecret: "s", redirectURI: UT.redirect,
                    tokenURL: URL(string: "http://oauth.example.test/token")!)
            }?.code == .invalidURL)
        #expect(
            UT.syncError {
                try UtecOAuth(
                    clientID: "id", clientSecret: "s", redirectURI: UT.redirect,
                    authorizeURL: URL(string: "http://oauth.example.test/authorize")!)
            }?.code == .invalidURL)
    }

    @Test("description and dump never show the client secret")
    func noSecretInDump() throws {
        let oauth = try UT.oauth(transport: MockTransport())
        var dumped = ""
        dump(oauth, to: &dumped)
        #expect(!dumped.contains(UT.clientSecret.revealed))
        #expect(!oauth.description.contains(UT.clientSecret.revealed))
    }
}
