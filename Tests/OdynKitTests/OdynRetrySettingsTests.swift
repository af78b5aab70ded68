import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Retries (OdynRetrySettings)")
struct RetryTests {
    @Test("503, 503, 200 succeeds after 3 calls with delays [1, 2] for factor 1 (scenario 11)")
    func retriesThenSucceeds() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(503))
        transport.enqueue(.status(503))
        transport.enqueue(.fixture(200, "odyn/vendors.json"))
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock, retry: BC.retry(backoffFactor: 1))
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
        let error = await BC.apiError { try await client.get("items") }
        #expect(clock.sleeps == [.seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32)])
        #expect(transport.requests.count == 6)
        #expect(error?.kind == .server)
        #expect(
            BC.service(error)
                == BCServiceError(
                    status: 503, code: "Internal_ServerError",
                    message: "down  CorrelationId:  00000000-0000-4000-8000-000000000503."
                ))
        #expect(BC.service(error)?.correlationId == "00000000-0000-4000-8000-000000000503")
        #expect(error?.attempts == 6)
        #expect(error?.isTransient == true)
    }

    @Test("a 429 with Retry-After: 7 waits 7 s; the last 429 is surfaced as rateLimited with BC's error")
    func retryAfterSeconds() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(429, "odyn/error-throttled.json", headers: BC.header("Retry-After", "7")))
        transport.enqueue(.fixture(429, "odyn/error-throttled.json", headers: BC.header("Retry-After", "7")))
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock, retry: BC.retry(retries: 1))
        let error = await BC.apiError { try await client.get("items") }
        #expect(clock.sleeps == [.seconds(7)])
        #expect(error?.kind == .rateLimited)
        #expect(error?.isTransient == true)
        #expect(BC.service(error)?.isThrottled == true)
        #expect(error?.retryAfter == .seconds(7))
        #expect(error?.status == 429)
        #expect(BC.service(error)?.code == "Unknown")
        #expect(BC.service(error)?.correlationId == "7a7a7a7a-0000-4000-8000-000000000429")
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
        let client = try BC.client(
            transport: transport, clock: clock, retry: OdynRetrySettings(statusForcelist: []))
        _ = try await client.get("vendors")
        #expect(clock.sleeps == [.seconds(3)])
        let error = await BC.apiError { try await client.get("vendors") }
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
        let error = await BC.apiError {
            try await client.create(BC.customers, body: ["displayName": "X"] as JSONValue)
        }
        #expect(error?.status == 503)
        #expect(transport.requests.count == 1)
        try await client.delete("\(BC.items)(\(BC.itemID))", etag: ODataETag(BC.itemETag))
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
            path, etag: ODataETag(BC.itemETag), patch: ["unitPrice": 1] as JSONValue, as: BCItem.self)
        let error = await BC.apiError {
            try await client.update(path, etag: .any, patch: ["unitPrice": 1] as JSONValue)
        }
        #expect(error?.status == 503)
        #expect(transport.requests.count == 3)
    }
}
