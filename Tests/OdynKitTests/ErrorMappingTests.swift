import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Payload and error mapping")
struct ErrorMappingTests {
    @Test(
        "bodies of the wrong OData shape throw invalidODataResponse and never crash (scenario 8)",
        arguments: [
            ("odyn/malformed-data-key.json", "OData response missing 'value' list"),
            ("odyn/malformed-value-string.json", "OData response 'value' is not a list"),
            ("odyn/malformed-top-level-array.json", "the response is not a JSON object"),
        ])
    func malformedFixtures(path: String, reason: String) async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, path))
        let client = try BC.client(transport: transport)
        let error = await BC.error { try await client.get("vendors") }
        #expect(error?.kind == .invalidODataResponse(reason: reason))
    }

    @Test(
        "value null, top-level null and a non-string nextLink are invalidODataResponse",
        arguments: [
            (#"{"value":null}"#, "OData response 'value' is null"),
            ("null", "the response is not a JSON object"),
            (#"{"value":[],"@odata.nextLink":5}"#, "'@odata.nextLink' is not a string"),
        ])
    func malformedInline(body: String, reason: String) async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, body))
        let client = try BC.client(transport: transport)
        let error = await BC.error { try await client.get("vendors") }
        #expect(error?.kind == .invalidODataResponse(reason: reason))
    }

    @Test("an HTML page, an empty body or broken JSON with status 200 throws invalidJSON with an excerpt (scenario 9)")
    func notJSON() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/error-page.html"))
        transport.enqueue(.status(200))
        transport.enqueue(.json(200, #"{"value":[1,"#))
        let client = try BC.client(transport: transport)
        let html = await BC.error { try await client.get("vendors") }
        #expect(html?.kind == .invalidJSON(excerpt: "<html><body>Service Unavailable</body></html>"))
        let empty = await BC.error { try await client.get("vendors") }
        #expect(empty?.kind == .invalidJSON(excerpt: "<empty body>"))
        let broken = await BC.error { try await client.get("vendors") }
        #expect(broken?.kind == .invalidJSON(excerpt: #"{"value":[1,"#))
    }

    @Test("records that do not fit the caller's type throw decodingFailed naming the path")
    func decodingFailure() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[{"number":42}]}"#))
        let client = try BC.client(transport: transport)
        let error = await BC.error { try await client.collect("customers", as: BCCustomer.self) }
        guard case .decodingFailed(let reason)? = error?.kind else {
            Issue.record("expected decodingFailed, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("number"))
        #expect(!reason.contains("42"))
    }

    @Test("a 404 is http with the BC code, message and correlation id (scenario 10)")
    func notFound() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(404, "odyn/error-not-found.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.error { try await client.get("companies(\(BC.company))/custmers") }
        #expect(
            error?.kind
                == .http(
                    status: 404, code: "BadRequest_NotFound",
                    message:
                        "Resource not found for the segment 'custmers'.  CorrelationId:  a1b2c3d4-0000-4000-8000-00000000beef.",
                    correlationId: "a1b2c3d4-0000-4000-8000-00000000beef"
                ))
        #expect(error?.isNotFound == true)
        #expect(error?.apiError?.status == 404)
        #expect(error?.attempts == 1)
        #expect(error?.description.contains("BadRequest_NotFound") == true)
    }

    @Test("a BC 401 with a static token is unauthorized, without refresh")
    func unauthorized() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(401, "odyn/error-unauthorized.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.error { try await client.get("companies") }
        #expect(
            error?.kind
                == .unauthorized(
                    code: "Authentication_InvalidCredentials",
                    message:
                        "The server has rejected the client credentials.  CorrelationId:  0f0f0f0f-1111-4222-8333-444444444444.",
                    correlationId: "0f0f0f0f-1111-4222-8333-444444444444"
                ))
        #expect(error?.status == 401)
        #expect(transport.requests.count == 1)
    }

    @Test("409 and 412 are concurrencyConflict; so is Request_EntityChanged on any status")
    func conflicts() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(409, "odyn/error-entity-changed.json"))
        transport.enqueue(.json(412, #"{"error":{"code":"PreconditionFailed","message":"etag mismatch"}}"#))
        let client = try BC.client(transport: transport)
        let first = await BC.error { try await client.get("items") }
        #expect(
            first?.kind
                == .concurrencyConflict(
                    status: 409, code: "Request_EntityChanged",
                    message:
                        "Another user has already changed the record.  CorrelationId:  5e5e5e5e-0000-4000-8000-000000000013.",
                    correlationId: "5e5e5e5e-0000-4000-8000-000000000013"
                ))
        let second = await BC.error { try await client.get("items") }
        #expect(
            second?.kind
                == .concurrencyConflict(
                    status: 412, code: "PreconditionFailed", message: "etag mismatch", correlationId: nil))
        #expect(second?.status == 412)
    }

    @Test("a 400 validation error, a 403 and a plain-text 400 are http")
    func otherErrors() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(400, "odyn/error-validation.json"))
        transport.enqueue(
            .status(400, body: Data("Bad Request".utf8), headers: BC.header("Content-Type", "text/plain")))
        transport.enqueue(.json(403, #"{"error":{"code":"Authorization_Failed","message":"no permission"}}"#))
        let client = try BC.client(transport: transport)
        let validation = await BC.error { try await client.get("items") }
        #expect(
            validation?.kind
                == .http(
                    status: 400, code: "Application_StringExceededLength",
                    message:
                        "The length of the string is 120, but it must be less than or equal to 100 characters. Value: ...  CorrelationId:  8b8b8b8b-0000-4000-8000-000000000400.",
                    correlationId: "8b8b8b8b-0000-4000-8000-000000000400"
                ))
        #expect(validation?.isTransient == false)
        let plain = await BC.error { try await client.get("items") }
        #expect(plain?.kind == .http(status: 400, code: nil, message: nil, correlationId: nil))
        #expect(plain?.apiError?.responseBody == Data("Bad Request".utf8))
        let forbidden = await BC.error { try await client.get("items") }
        #expect(forbidden?.isForbidden == true)
    }

    @Test("network failures and cancellation are typed")
    func transportFailures() async throws {
        let transport = MockTransport()
        transport.enqueue(.failure(.timedOut))
        transport.enqueue(.failure(.timedOut))
        let client = try BC.client(transport: transport, session: BC.session(retries: 1))
        let timeout = await BC.error { try await client.get("items") }
        #expect(timeout?.kind == .timeout)
        #expect(timeout?.isTransient == true)
        #expect(timeout?.attempts == 2)

        let refused = MockTransport()
        refused.enqueue(.failure(.cannotConnectToHost))
        refused.enqueue(.failure(.cannotConnectToHost))
        let other = try BC.client(transport: refused, session: BC.session(retries: 1))
        let failure = await BC.error { try await other.get("items") }
        guard case .transport? = failure?.kind else {
            Issue.record("expected transport, got \(String(describing: failure))")
            return
        }
        #expect(failure?.isTransient == true)

        let hanging = MockTransport()
        hanging.enqueue(.hang)
        let third = try BC.client(transport: hanging)
        let task = Task { try await third.get("items") }
        task.cancel()
        let cancelled = await BC.error { try await task.value }
        #expect(cancelled?.kind == .cancelled)
    }

    @Test("correlation ids are pulled out of BC messages")
    func correlationIDs() {
        #expect(
            BCServiceError.correlationId(in: "x  CorrelationId:  a1b2c3d4-0000-4000-8000-00000000beef.")
                == "a1b2c3d4-0000-4000-8000-00000000beef")
        #expect(BCServiceError.correlationId(in: "no id here") == nil)
        #expect(BCServiceError.parse(Data("not json".utf8)) == nil)
    }
}

@Suite("Retries")
struct RetryTests {
    @Test("503, 503, 200 succeeds after 3 calls with delays [1, 2] for factor 1 (scenario 11)")
    func retriesThenSucceeds() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(503))
        transport.enqueue(.status(503))
        transport.enqueue(.fixture(200, "odyn/vendors.json"))
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock, session: BC.session(backoffFactor: 1))
        let vendors = try await client.collect("vendors", as: BCVendor.self)
        #expect(vendors.records.count == 1)
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
    }

    @Test("the default policy waits 2, 4, 8, 16, 32 s and then surfaces the last 503 with its parsed body")
    func exhaustedRetries() async throws {
        let transport = MockTransport()
        for _ in 0..<6 {
            transport.enqueue(
                .json(
                    503,
                    #"{"error":{"code":"Internal_ServerError","message":"down  CorrelationId:  00000000-0000-4000-8000-000000000503."}}"#
                ))
        }
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock)
        let error = await BC.error { try await client.get("items") }
        #expect(clock.sleeps == [.seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32)])
        #expect(transport.requests.count == 6)
        #expect(
            error?.kind
                == .http(
                    status: 503, code: "Internal_ServerError",
                    message: "down  CorrelationId:  00000000-0000-4000-8000-000000000503.",
                    correlationId: "00000000-0000-4000-8000-000000000503"
                ))
        #expect(error?.attempts == 6)
        #expect(error?.isTransient == true)
    }

    @Test("a 429 with Retry-After: 7 waits 7 s; the last 429 is surfaced as throttled")
    func retryAfterSeconds() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(429, "odyn/error-throttled.json", headers: BC.header("Retry-After", "7")))
        transport.enqueue(.fixture(429, "odyn/error-throttled.json", headers: BC.header("Retry-After", "7")))
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock, session: BC.session(retries: 1))
        let error = await BC.error { try await client.get("items") }
        #expect(clock.sleeps == [.seconds(7)])
        #expect(error?.isThrottled == true)
        #expect(error?.retryAfter == .seconds(7))
        guard case .http(429, "Unknown", _, "7a7a7a7a-0000-4000-8000-000000000429")? = error?.kind else {
            Issue.record("expected http 429, got \(String(describing: error))")
            return
        }
    }

    @Test("an HTTP-date Retry-After is converted to seconds")
    func retryAfterDate() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(503, headers: BC.header("Retry-After", "Sun, 15 Mar 2026 12:00:30 GMT")))
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock)
        _ = try await client.get("vendors")
        #expect(clock.sleeps == [.seconds(30)])
    }

    @Test(
        "413 with Retry-After is retried even though it is not in the forcelist; an empty forcelist does not retry a bare 503"
    )
    func retryAfterOutsideForcelist() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(413, headers: BC.header("Retry-After", "3")))
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        transport.enqueue(.status(503))
        let clock = TestClock()
        let session = try OdynSession(authentication: .bearer(BC.bearer), retry: OdynRetrySettings(statusForcelist: []))
        let client = try BC.client(transport: transport, clock: clock, session: session)
        _ = try await client.get("vendors")
        #expect(clock.sleeps == [.seconds(3)])
        let error = await BC.error { try await client.get("vendors") }
        #expect(error?.status == 503)
        #expect(transport.requests.count == 3)
    }

    @Test("a POST that gets a 503 is attempted once; a DELETE is retried (scenario 12)")
    func methodSafety() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(503))
        transport.enqueue(.status(503))
        transport.enqueue(.status(204))
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock)
        let error = await BC.error { try await client.create(BC.customers, body: ["displayName": "X"] as JSONValue) }
        #expect(error?.status == 503)
        #expect(transport.requests.count == 1)
        try await client.delete("\(BC.items)(\(BC.itemID))", etag: ETag(BC.itemETag))
        #expect(transport.requests.count == 3)
        #expect(transport.requests.map(\.method) == [.post, .delete, .delete])
        #expect(clock.sleeps == [.seconds(2)])
    }

    @Test("a PATCH with a concrete ETag is retried; with * it is not")
    func patchRetry() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(503))
        transport.enqueue(.fixture(200, "odyn/item.json"))
        transport.enqueue(.status(503))
        let client = try BC.client(transport: transport)
        let path = "\(BC.items)(\(BC.itemID))"
        _ = try await client.update(
            path, etag: ETag(BC.itemETag), patch: ["unitPrice": 1] as JSONValue, as: BCItem.self)
        let error = await BC.error { try await client.update(path, etag: .any, patch: ["unitPrice": 1] as JSONValue) }
        #expect(error?.status == 503)
        #expect(transport.requests.count == 3)
    }
}
