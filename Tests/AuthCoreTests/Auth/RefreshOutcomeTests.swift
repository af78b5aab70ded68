import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Only the authentication server's refusal means "sign in again"; a refresh that fails for a
/// passing reason is transient, so a host app retries later instead of asking for the password.
@Suite("Refresh failures: refusal versus hiccup")
struct RefreshOutcomeTests {
    @Test(
        "a refresh answered 5xx, 429, timed out or unreachable is transient and keeps the token",
        arguments: [
            MockResponse.json(503, #"{"error":"invalid_grant","error_description":"backend down"}"#),
            MockResponse.json(500, "{}"),
            MockResponse.json(429, #"{"error":"slow_down"}"#),
            MockResponse.failure(.timedOut),
            MockResponse.failure(.cannotConnectToHost),
        ]
    )
    func transientRefresh(answer: MockResponse) async throws {
        // Every attempt gets the same answer (the token client retries connection failures).
        let rig = try TokenRig(initialToken: TokenRig.expiredToken(), tokenTransport: MockTransport { _ in answer })
        let error = try #require(
            await TestHelpers.apiError { try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items")) })
        #expect(error.requiresReauthentication == false)
        #expect(error.isTransient == true)
        #expect(await rig.manager.currentToken?.accessToken == Secret("at-old-expired"))
    }

    @Test("a 401 whose refresh hits a 503 says to try again later, not to sign in")
    func reactiveRefreshHiccup() async throws {
        let rig = try TokenRig(initialToken: TokenRig.validToken("at-revoked"))
        rig.apiTransport.enqueue(.status(401))
        rig.tokenTransport.enqueue(.json(503, "{}"))
        let error = try #require(
            await TestHelpers.apiError { try await rig.client.send(Endpoint<JSONValue>.json(.get, "/items")) })
        #expect(error.kind == .server)
        #expect(error.isTransient)
        #expect(error.message.contains("try again later"))
        #expect(rig.apiTransport.requests.count == 1)
    }

    @Test("401, 403 and OAuth error codes on a 4xx are refusals; a bare 400 page is a client error")
    func refusals() async throws {
        for (status, body, refused) in [
            (401, "{}", true), (403, "<html>denied</html>", true), (400, #"{"error":"invalid_grant"}"#, true),
            (400, "<html>bad request</html>", false), (404, "{}", false),
        ] {
            let rig = try TokenRig(grant: { RefreshTokenGrant(client: $0) }, initialToken: TokenRig.expiredToken())
            rig.tokenTransport.enqueue(.json(status, body))
            let error = try #require(await TestHelpers.apiError { try await rig.manager.accessToken() })
            #expect(error.requiresReauthentication == refused, "HTTP \(status) \(body)")
            #expect(error.isTransient == false, "HTTP \(status) \(body)")
        }
    }

    @Test("dump() of a token manager shows no token, not even the token response's other members")
    func dumpShowsNothing() async throws {
        let token = OAuth2Token(
            accessToken: Secret("at-DUMP-1234"), refreshToken: Secret("rt-DUMP-5678"),
            additionalFields: ["id_token": .string("idt-DUMP-eyJhbGciOi")]
        )
        let rig = try TokenRig(initialToken: token)
        var output = ""
        dump(rig.manager, to: &output)
        for secret in ["at-DUMP", "rt-DUMP", "idt-DUMP", Canary.password, Canary.clientSecret] {
            #expect(!output.contains(secret), "\(secret) in dump")
        }
    }
}
