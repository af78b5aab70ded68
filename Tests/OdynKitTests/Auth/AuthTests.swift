import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Sessions and authentication")
struct AuthTests {
    @Test("basic auth sends base64(user:key)")
    func basic() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/companies.json"))
        let client = try BC.client(
            transport: transport, session: OdynSession.basic(username: "WEBUSER", password: "access-key-123"))
        let companies = try await client.companies()
        #expect(companies.count == 1)
        let expected = "Basic " + Data("WEBUSER:access-key-123".utf8).base64EncodedString()
        #expect(transport.requests.first?.headers[.authorization] == expected)
    }

    @Test("an API key goes in its header; session headers go on every request")
    func apiKey() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let session = try OdynSession.apiKey("key-value-1").with(headers: BC.header("Data-Access-Intent", "ReadOnly"))
        let client = try BC.client(transport: transport, session: session)
        _ = try await client.get("vendors")
        let request = try #require(transport.requests.first)
        #expect(request.headers[HTTPField.Name("X-Api-Key")!] == "key-value-1")
        #expect(request.headers[HTTPField.Name("Data-Access-Intent")!] == "ReadOnly")
        #expect(request.headers[.authorization] == nil)
    }

    @Test("a plain session sends no credentials")
    func noAuth() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport, session: .unauthenticated)
        _ = try await client.get("vendors")
        #expect(transport.requests.first?.headers[.authorization] == nil)
    }

    @Test("a custom token provider is asked again once after a 401")
    func customProvider() async throws {
        let generation = Counter(1)
        let provider = ClosureTokenProvider(
            onRejected: { generation.increment() },
            fetch: { Secret("provided-\(generation.value)") }
        )
        let transport = MockTransport()
        transport.enqueue(.fixture(401, "odyn/error-unauthorized.json"))
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport, session: OdynSession.tokenProvider(provider))
        _ = try await client.get("vendors")
        #expect(transport.requests.map { $0.headers[.authorization] } == ["Bearer provided-1", "Bearer provided-2"])
    }

    @Test("any AuthCore authenticator can be used")
    func customAuthenticator() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let session = OdynSession(authentication: .authenticator(StaticCredentials.bearer("abc")))
        let client = try BC.client(transport: transport, session: session)
        _ = try await client.get("vendors")
        #expect(transport.requests.first?.headers[.authorization] == "Bearer abc")
    }

    @Test("client credentials: token form, cached within its lifetime, fetched again after expiry (scenario 13)")
    func clientCredentialsCaching() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: BC.tokenPath)
        transport.enqueue(.fixture(200, "odyn/token-response-refreshed.json"), path: BC.tokenPath)
        for _ in 0..<3 { transport.enqueue(.fixture(200, "odyn/vendors-empty.json"), path: BC.apiPath) }
        let clock = TestClock()
        let client = try BC.client(
            transport: transport, clock: clock, session: OdynSession.clientCredentials(BC.credentials()))
        _ = try await client.get("vendors")
        _ = try await client.get("vendors")
        #expect(transport.requests(to: BC.tokenPath).count == 1)
        let token = try #require(transport.requests(to: BC.tokenPath).first)
        #expect(token.url.absoluteString == "https://login.microsoftonline.com/\(BC.tenant)/oauth2/v2.0/token")
        #expect(token.method == .post)
        #expect(token.formFields["grant_type"] == "client_credentials")
        #expect(token.formFields["scope"] == "https://api.businesscentral.dynamics.com/.default")
        #expect(token.formFields["client_id"] == "00000000-aaaa-bbbb-cccc-000000000123")
        #expect(token.formFields["client_secret"] == "client-secret-value-9q8w")
        #expect(token.headers[.authorization] == nil)
        #expect(
            transport.requests(to: BC.apiPath).allSatisfy { $0.headers[.authorization] == "Bearer \(BC.fixtureToken)" })

        clock.advance(by: .seconds(3599 - 300 + 1))
        _ = try await client.get("vendors")
        #expect(transport.requests(to: BC.tokenPath).count == 2)
        #expect(
            transport.requests(to: BC.apiPath).last?.headers[.authorization]
                == "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.FAKE.SECOND")
    }

    @Test("concurrent callers share one token fetch")
    func singleFlight() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 20) { request in
            request.path.hasPrefix(BC.tokenPath)
                ? .fixture(200, "odyn/token-response.json") : .fixture(200, "odyn/vendors-empty.json")
        }
        let client = try BC.client(transport: transport, session: OdynSession.clientCredentials(BC.credentials()))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try await client.get("vendors") } }
            try await group.waitForAll()
        }
        #expect(transport.requests(to: BC.tokenPath).count == 1)
        #expect(transport.requests(to: BC.apiPath).count == 8)
    }

    @Test("invalid_client from Entra ID is authenticationFailed with its codes and trace ids (F15)")
    func tokenFailure() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(401, "odyn/token-error-invalid-client.json"), path: BC.tokenPath)
        let client = try BC.client(transport: transport, session: OdynSession.clientCredentials(BC.credentials()))
        let error = await BC.apiError { try await client.get("vendors") }
        #expect(error?.kind == .authenticationFailed)
        let parsed = try #require(BC.entra(error))
        #expect(parsed.error == "invalid_client")
        #expect(parsed.errorCodes == [7_000_215])
        #expect(parsed.errorDescription?.hasPrefix("AADSTS7000215") == true)
        #expect(error?.vendorMessage?.hasPrefix("AADSTS7000215") == true)
        #expect(error?.url == "https://login.microsoftonline.com/\(BC.tenant)/oauth2/v2.0/token")
        #expect(transport.requests(to: BC.apiPath).isEmpty)
        #expect(parsed.traceId == "1c1c1c1c-0000-4000-8000-000000000001")
        #expect(parsed.correlationId == "2d2d2d2d-0000-4000-8000-000000000002")
        #expect(parsed.errorURI == "https://login.microsoftonline.com/error?code=7000215")
        #expect(error?.description.contains("client-secret-value-9q8w") == false)
    }

    @Test("a BC 401 causes exactly one refresh and one retry, then the error is surfaced")
    func refreshOnceOn401() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: BC.tokenPath)
        transport.enqueue(.fixture(200, "odyn/token-response-refreshed.json"), path: BC.tokenPath)
        transport.enqueue(.fixture(401, "odyn/error-unauthorized.json"), path: BC.apiPath)
        transport.enqueue(.fixture(401, "odyn/error-unauthorized.json"), path: BC.apiPath)
        let client = try BC.client(transport: transport, session: OdynSession.clientCredentials(BC.credentials()))
        let error = await BC.apiError { try await client.get("vendors") }
        #expect(error?.kind == .reauthenticationRequired)
        #expect(error?.requiresReauthentication == true)
        #expect(
            BC.service(error)
                == BCServiceError(
                    status: 401, code: "Authentication_InvalidCredentials",
                    message:
                        "The server has rejected the client credentials.  CorrelationId:  0f0f0f0f-1111-4222-8333-444444444444."
                ))
        #expect(BC.service(error)?.correlationId == "0f0f0f0f-1111-4222-8333-444444444444")
        #expect(transport.requests(to: BC.tokenPath).count == 2)
        let calls = transport.requests(to: BC.apiPath)
        #expect(calls.count == 2)
        #expect(calls.last?.headers[.authorization] == "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.FAKE.SECOND")
    }

    @Test("a shared token manager serves several clients from one cache")
    func sharedTokenManager() async throws {
        let transport = MockTransport { request in
            request.path.hasPrefix(BC.tokenPath)
                ? .fixture(200, "odyn/token-response.json") : .fixture(200, "odyn/vendors-empty.json")
        }
        let clock = TestClock()
        let manager = try BC.credentials().makeTokenManager(transport: transport, timeSource: clock)
        let first = try BC.client(transport: transport, clock: clock, session: OdynSession.tokenProvider(manager))
        let second = try BC.client(
            transport: transport, clock: clock, session: OdynSession.tokenProvider(manager), baseURL: BC.api + "x/")
        _ = try await first.get("vendors")
        _ = try await second.get("vendors")
        #expect(transport.requests(to: BC.tokenPath).count == 1)
    }
}

@Suite("Token responses")
struct TokenResponseTests {
    @Test("a token response without access_token is an invalidResponse APIError, and nothing is sent to BC")
    func missingAccessToken() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"token_type":"Bearer","expires_in":3599}"#), path: BC.tokenPath)
        let client = try BC.client(transport: transport, session: OdynSession.clientCredentials(BC.credentials()))
        let error = await BC.apiError { try await client.get("vendors") }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message.contains("access_token") == true)
        #expect(transport.requests(to: BC.apiPath).isEmpty)
    }
}
