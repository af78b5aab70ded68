import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Logging and redaction")
struct RedactionTests {
    @Test(
        "trace logs of errors, retries, token fetches and refreshes hold neither the token nor the secret (scenario 16)"
    )
    func noSecretsInLogs() async throws {
        let capture = LogCapture()
        let secret: Secret = "client-secret-value-9q8w"
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: BC.tokenPath)
        transport.enqueue(.fixture(200, "odyn/token-response-refreshed.json"), path: BC.tokenPath)
        transport.enqueue(.fixture(404, "odyn/error-not-found.json"), path: BC.apiPath)
        transport.enqueue(.status(503), path: BC.apiPath)
        transport.enqueue(.fixture(401, "odyn/error-unauthorized.json"), path: BC.apiPath)
        transport.enqueue(.fixture(200, "odyn/customers-single-page.json"), path: BC.apiPath)
        transport.enqueue(.fixture(401, "odyn/token-error-invalid-client.json"), path: BC.tokenPath)
        let clock = TestClock()
        let session = OdynSession.clientCredentials(try BC.credentials(secret: secret))
        let client = try BC.client(transport: transport, clock: clock, session: session, logger: capture.logger)
        _ = await BC.apiError { try await client.get("companies(\(BC.company))/custmers") }
        _ = try await client.get(BC.customers)
        clock.advance(by: .seconds(4000))
        _ = await BC.apiError { try await client.get(BC.customers) }

        let bearerClient = try BC.client(transport: transport, logger: capture.logger)
        transport.enqueue(.fixture(401, "odyn/error-unauthorized.json"), path: BC.apiPath)
        _ = await BC.apiError { try await bearerClient.get(BC.customers) }

        let text = capture.text
        #expect(capture.count > 8)
        #expect(text.contains("sending request"))
        #expect(text.contains("retrying request"))
        #expect(!text.contains(BC.fixtureToken))
        #expect(!text.contains("FAKE.SECOND"))
        #expect(!text.contains(secret.revealed))
        #expect(!text.contains(BC.bearer.revealed))
        #expect(transport.requests(to: BC.tokenPath).count == 3)
    }

    @Test("$filter values are redacted from logs unless the caller opts in")
    func filterValues() async throws {
        let query = ODataQuery().filter(.field("displayName").eq("Jane Private")).top(3)
        for optIn in [false, true] {
            let capture = LogCapture()
            let transport = MockTransport()
            transport.enqueue(.fixture(200, "odyn/customers-single-page.json"))
            let client = try BC.client(transport: transport, logger: capture.logger, logsFilterValues: optIn)
            _ = try await client.collect(BC.customers, query: query)
            #expect(capture.text.contains("Jane%20Private") == optIn)
            #expect(capture.text.contains("$top=3"))
            #expect(capture.text.contains("odata page received"))
            #expect(transport.requests.first?.url.query == "$filter=displayName%20eq%20'Jane%20Private'&$top=3")
        }
    }

    @Test("errors and sessions never print secrets")
    func descriptions() async throws {
        let credentials = try BC.credentials()
        #expect(!"\(credentials.clientSecret)".contains("client-secret-value-9q8w"))
        let transport = MockTransport()
        transport.enqueue(.fixture(404, "odyn/error-not-found.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError { try await client.get("x") }
        #expect(error.map { !"\($0)".contains(BC.bearer.revealed) } == true)
        var dumped = ""
        dump(error, to: &dumped)
        #expect(!dumped.contains(BC.bearer.revealed))
    }
}
