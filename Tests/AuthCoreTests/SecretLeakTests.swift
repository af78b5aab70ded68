import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Runs every credential flow at trace level and checks that no canary secret reaches a log
/// line or an error description.
@Suite("Secrets stay secret")
struct SecretLeakTests {
    @Test("password login, refresh, rejection and token errors leak nothing into logs or errors")
    func tokenFlows() async throws {
        let capture = LogCapture()
        var descriptions: [String] = []
        let rig = try TokenRig(initialToken: TokenRig.expiredToken(), logger: capture)
        rig.tokenTransport.enqueue(.fixture(400, "authcore/oauth-error-invalid-grant.json"))
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response.json"))
        rig.apiTransport.enqueue(.status(401))
        rig.tokenTransport.enqueue(.fixture(200, "authcore/token-response-refreshed.json"))
        rig.apiTransport.enqueue(.status(401))
        if let error = await TestHelpers.apiError({
            try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items?access_token=\(Canary.accessToken)"))
        }) {
            descriptions.append(error.description)
            descriptions.append(error.localizedDescription)
            descriptions.append(String(reflecting: error))
        }
        let badLogin = try TokenRig(logger: capture)
        badLogin.tokenTransport.enqueue(
            .json(400, #"{"error":"invalid_grant","error_description":"password pw-CANARY-&+=|ü 9 is wrong"}"#))
        if let error = await TestHelpers.apiError({ try await badLogin.manager.accessToken() }) {
            descriptions.append(error.description)
        }
        let echo = try TokenRig(logger: capture)
        echo.tokenTransport.enqueue(.json(200, #"{"access_token": 5}"#))
        if let error = await TestHelpers.apiError({ try await echo.manager.accessToken() }) {
            descriptions.append(error.description)
        }
        descriptions.append("\(await rig.manager.currentToken as Any)")
        #expect(descriptions.count == 6)
        #expect(capture.count > 0)
        let corpus = ([capture.text] + descriptions).joined(separator: "\n")
        for canary in [
            Canary.password, Canary.clientSecret, Canary.accessToken, Canary.refreshToken, Canary.refreshedAccessToken,
            "rt-old", "at-old-expired",
        ] {
            #expect(!corpus.contains(canary), "leaked \(canary.prefix(6))…")
        }
        #expect(!corpus.contains("pw-CANARY"))
    }

    @Test("authorization codes, verifiers and state never reach logs or errors")
    func authorizationCodeFlow() async throws {
        let capture = LogCapture()
        let transport = MockTransport()
        transport.enqueue(.json(400, #"{"error":"invalid_grant","error_description":"code expired"}"#))
        let tokenClient = try OAuth2TokenClient(
            tokenURL: URL(string: "https://auth.example.test/token")!, clientID: "app-1",
            clientSecret: Secret(Canary.clientSecret),
            transport: transport, logger: capture.logger
        )
        let flow = AuthorizationCodeFlow(
            authorizationEndpoint: URL(string: "https://auth.example.test/authorize")!, tokenClient: tokenClient,
            redirectURI: "http://localhost:4200/", scopes: ["openapi"]
        )
        let pending = flow.begin()
        let query = Dictionary(FormEncoding.decode(pending.url.query ?? ""), uniquingKeysWith: { $1 })
        let state = try #require(query["state"])
        let error = await TestHelpers.apiError {
            try await pending.complete(
                callbackURL: URL(string: "http://localhost:4200/?code=\(Canary.code)&state=\(state)")!)
        }
        let verifier = try #require(transport.requests.first?.formFields["code_verifier"])
        let corpus = capture.text + "\n" + (error?.description ?? "") + "\n" + String(describing: pending)
        #expect(error?.kind == .authenticationFailed)
        for canary in [Canary.code, verifier, state, Canary.clientSecret] {
            #expect(!corpus.contains(canary))
        }
    }

    @Test("transport errors describe themselves without the URL's secrets")
    func transportErrors() async throws {
        let transport = MockTransport()
        transport.enqueue(.failure(.timedOut))
        let client = try TestHelpers.client(transport: transport)
        let error = await TestHelpers.apiError {
            try await client.send(Endpoint<JSONValue>.json(.get, "/cb?code=\(Canary.code)"))
        }
        #expect(error?.kind == .timeout)
        #expect(error?.description.contains(Canary.code) == false)
    }
}
