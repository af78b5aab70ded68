import AuthCore
import Foundation
import TestSupport
import Testing

/// `requestToken(form:)` posts a form in the caller's order, for token endpoints that expect the
/// client credentials somewhere other than last.
@Suite("Token client: a form in the caller's order")
struct TokenClientFormOrderTests {
    func makeClient(_ transport: MockTransport, secret: Secret? = Secret("s3cr3t-value")) throws -> OAuth2TokenClient {
        try OAuth2TokenClient(
            tokenURL: URL(string: "https://auth.example.test/token")!, clientID: "app-1", clientSecret: secret,
            transport: transport)
    }

    @Test("the form goes out exactly in the given order; the client credentials are the caller's to place")
    func givenOrder() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"access_token":"at-1","expires_in":3600}"#))
        let client = try makeClient(transport)
        #expect(client.clientCredentialParameters.map(\.0) == ["client_id", "client_secret"])
        let form =
            [("grant_type", "password"), ("username", "u")] + client.clientCredentialParameters + [("scope", "a b")]
        let token = try await client.requestToken(form: form)
        #expect(token.accessToken == Secret("at-1"))
        #expect(
            transport.requests.first?.bodyText
                == "grant_type=password&username=u&client_id=app-1&client_secret=s3cr3t-value&scope=a+b")
    }

    @Test("a public client has only client_id; the classic call still puts the credentials last")
    func classicOrder() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"access_token":"at-1"}"#))
        let client = try makeClient(transport, secret: nil)
        #expect(client.clientCredentialParameters.map(\.0) == ["client_id"])
        _ = try await client.requestToken(grantType: "password", parameters: [("username", "u"), ("scope", "x")])
        #expect(transport.requests.first?.bodyText == "grant_type=password&username=u&scope=x&client_id=app-1")
    }

    @Test("a refusal of a caller-ordered form is authenticationFailed without the secret")
    func refusal() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(400, #"{"error":"invalid_client","error_description":"bad s3cr3t-value"}"#))
        let client = try makeClient(transport)
        let error = try #require(
            await TestHelpers.apiError { _ = try await client.requestToken(form: client.clientCredentialParameters) })
        #expect(error.kind == .authenticationFailed)
        #expect(!"\(error)".contains("s3cr3t-value"))
    }
}
