import AuthCore
import Foundation
import TestSupport
import Testing

@Suite("Authorization-code flow")
struct AuthorizationCodeFlowTests {
    static let authorize = URL(string: "https://auth.example.test/authorize")!

    func makeFlow(transport: MockTransport, pkce: Bool = true, secret: Secret? = nil, codeNames: [String] = ["code"])
        throws -> AuthorizationCodeFlow
    {
        let tokenClient = try OAuth2TokenClient(
            tokenURL: URL(string: "https://auth.example.test/token")!, clientID: "app-1", clientSecret: secret,
            transport: transport
        )
        return AuthorizationCodeFlow(
            authorizationEndpoint: Self.authorize, tokenClient: tokenClient, redirectURI: "http://localhost:4200/",
            scopes: ["IoT User", "offline_access"], usesPKCE: pkce, codeParameterNames: codeNames
        )
    }

    func query(_ url: URL) -> [String: String] {
        Dictionary(
            FormEncoding.decode(URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? ""),
            uniquingKeysWith: { $1 })
    }

    @Test("the authorization URL carries S256 PKCE and a 256-bit state")
    func authorizationURL() throws {
        let pending = try makeFlow(transport: MockTransport()).begin()
        let items = query(pending.url)
        #expect(items["response_type"] == "code")
        #expect(items["client_id"] == "app-1")
        #expect(items["redirect_uri"] == "http://localhost:4200/")
        #expect(items["scope"] == "IoT User offline_access")
        #expect(items["code_challenge_method"] == "S256")
        #expect(items["code_challenge"]?.count == 43)
        #expect((items["state"]?.count ?? 0) >= 22)
        #expect(pending.url.absoluteString.contains("scope=IoT+User+offline_access"))
        #expect(items["state"] != query(try makeFlow(transport: MockTransport()).begin().url)["state"])
    }

    @Test("a matching callback exchanges the code with the verifier")
    func exchange() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "authcore/token-response.json"))
        let pending = try makeFlow(transport: transport).begin()
        let items = query(pending.url)
        let state = try #require(items["state"])
        let callback = URL(string: "http://localhost:4200/?code=\(Canary.code)&state=\(state)")!
        let token = try await pending.complete(callbackURL: callback)
        #expect(token.accessToken == Secret(Canary.accessToken))
        let form = try #require(transport.requests.first?.formFields)
        #expect(form["grant_type"] == "authorization_code")
        #expect(form["code"] == Canary.code)
        #expect(form["redirect_uri"] == "http://localhost:4200/")
        let verifier = try #require(form["code_verifier"])
        #expect(PKCE.challenge(for: verifier) == items["code_challenge"])
    }

    @Test("a state that differs is refused before any request")
    func stateMismatch() async throws {
        let transport = MockTransport()
        let pending = try makeFlow(transport: transport).begin()
        let error = await TestHelpers.apiError {
            try await pending.complete(callbackURL: URL(string: "http://localhost:4200/?code=abc&state=forged")!)
        }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.message.contains("state") == true)
        #expect(transport.requests.isEmpty)
    }

    @Test("a callback can be used only once, even after a failure")
    func singleUse() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "authcore/token-response.json"))
        let pending = try makeFlow(transport: transport).begin()
        let state = try #require(query(pending.url)["state"])
        let callback = URL(string: "http://localhost:4200/?code=abc&state=\(state)")!
        _ = try await pending.complete(callbackURL: callback)
        let error = await TestHelpers.apiError { try await pending.complete(callbackURL: callback) }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.message.contains("already used") == true)
        #expect(transport.requests.count == 1)

        let second = try makeFlow(transport: transport).begin()
        _ = await TestHelpers.apiError {
            try await second.complete(callbackURL: URL(string: "http://localhost:4200/?code=abc&state=bad")!)
        }
        let retry = await TestHelpers.apiError {
            try await second.complete(
                callbackURL: URL(
                    string: "http://localhost:4200/?code=abc&state=\(try #require(query(second.url)["state"]))")!)
        }
        #expect(retry?.message.contains("already used") == true)
    }

    @Test("an OAuth error or a missing code in the callback is typed")
    func callbackErrors() async throws {
        let pending = try makeFlow(transport: MockTransport()).begin()
        let denied = await TestHelpers.apiError {
            try await pending.complete(
                callbackURL: URL(string: "http://localhost:4200/?error=access_denied&error_description=User+said+no")!)
        }
        #expect(denied?.vendorCode == "access_denied")
        #expect(denied?.vendorMessage == "User said no")

        let another = try makeFlow(transport: MockTransport()).begin()
        let state = try #require(query(another.url)["state"])
        let missing = await TestHelpers.apiError {
            try await another.complete(callbackURL: URL(string: "http://localhost:4200/?state=\(state)")!)
        }
        #expect(missing?.message.contains("no authorization code") == true)
    }

    @Test("without PKCE: no challenge, the client secret goes in the form, and another code parameter name works")
    func withoutPKCE() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "authcore/token-response.json"))
        let pending = try makeFlow(
            transport: transport, pkce: false, secret: Secret(Canary.clientSecret),
            codeNames: ["code", "authorization_code"]
        ).begin()
        let items = query(pending.url)
        #expect(items["code_challenge"] == nil)
        let state = try #require(items["state"])
        _ = try await pending.complete(
            callbackURL: URL(string: "http://localhost:4200/?authorization_code=xyz&state=\(state)")!)
        let form = try #require(transport.requests.first?.formFields)
        #expect(form["code"] == "xyz")
        #expect(form["client_secret"] == Canary.clientSecret)
        #expect(form["code_verifier"] == nil)
    }
}
