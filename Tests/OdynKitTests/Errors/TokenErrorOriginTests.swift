import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Only the token endpoint's answers are token errors")
struct TokenErrorOriginTests {
    @Test(
        "Business Central answering {\"error\": text} is mapped by its status, never as a token error",
        arguments: [
            404, 409, 429, 503,
        ])
    func businessCentralOAuthShapedBody(status: Int) async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: BC.tokenPath)
        for _ in 0..<2 {
            let retryAfter = BC.header("Retry-After", "5")
            let answer = MockResponse.fixture(status, "odyn/error-plain-string.json", headers: retryAfter)
            transport.enqueue(answer, path: BC.apiPath)
        }
        let clock = TestClock()
        let session = OdynSession.clientCredentials(try BC.credentials())
        let client = try BC.client(transport: transport, clock: clock, session: session, retry: BC.retry(retries: 1))
        let error = await BC.apiError { try await client.get("items") }

        let text = "The request could not be served right now"
        if BC.entra(error) != nil || error?.kind == .authenticationFailed {
            Issue.record("HTTP \(status) from Business Central was read as a token error: \(String(describing: error))")
        }
        #expect(error?.status == status)
        #expect(error?.kind == APIError.Kind.forStatus(status))
        #expect(BC.service(error) == BCServiceError(status: status, code: text, message: nil))
        #expect(BC.service(error)?.isConcurrencyConflict == (status == 409))
        #expect(BC.service(error)?.isNotFound == (status == 404))
        #expect(error?.isTransient == (status == 429 || status == 503))
        if status == 429 {
            #expect(error?.kind == .rateLimited)
            #expect(BC.service(error)?.isThrottled == true)
            #expect(error?.retryAfter == .seconds(5))
            #expect(clock.sleeps == [.seconds(5)])
        }
        #expect(transport.requests(to: BC.tokenPath).count == 1)
    }

    @Test("a token endpoint that answers 503 is a transient failure with its status, not a refused grant")
    func tokenEndpointUnavailable() async throws {
        let transport = MockTransport()
        let body = #"{"error":"temporarily_unavailable","error_description":"AADSTS50196: try later"}"#
        for _ in 0..<2 { transport.enqueue(.json(503, body), path: BC.tokenPath) }
        let session = OdynSession.clientCredentials(try BC.credentials())
        let client = try BC.client(transport: transport, session: session, retry: BC.retry(retries: 1))
        let error = await BC.apiError { try await client.get("items") }
        if error?.kind == .authenticationFailed {
            Issue.record("a token endpoint outage was reported as a refused grant: \(String(describing: error))")
        }
        #expect(error?.kind == .server)
        #expect(error?.status == 503)
        #expect(error?.isTransient == true)
        #expect(error?.requiresReauthentication == false)
        #expect(BC.entra(error)?.error == "temporarily_unavailable")
        #expect(BC.service(error) == nil)
        #expect(transport.requests(to: BC.apiPath).isEmpty)
    }

    @Test("the token endpoint refusing with 400 invalid_client is authenticationFailed with its AADSTS codes")
    func tokenEndpointRefusal() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(400, "odyn/token-error-invalid-client.json"), path: BC.tokenPath)
        let client = try BC.client(transport: transport, session: OdynSession.clientCredentials(BC.credentials()))
        let error = await BC.apiError { try await client.get("items") }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.requiresReauthentication == true)
        #expect(error?.status == 400)
        let entra = try #require(BC.entra(error))
        #expect(entra.error == "invalid_client")
        #expect(error?.vendorCode == "invalid_client")
        #expect(entra.errorCodes == [7_000_215])
        #expect(entra.errorDescription?.hasPrefix("AADSTS7000215: Invalid client secret provided.") == true)
        #expect(error?.isTransient == false)
    }

    @Test("a Business Central 401 with an OAuth-shaped body carries BC's error, not a token error")
    func businessCentral401() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(401, #"{"error":"invalid_client","error_description":"not for this API"}"#))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError { try await client.get("items") }
        #expect(error?.kind == .authenticationFailed)
        #expect(BC.service(error) == BCServiceError(status: 401, code: "invalid_client", message: "not for this API"))
        #expect(BC.entra(error) == nil)
    }
}
