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
        let error = await BC.odynError { try await client.get("vendors") }
        #expect(error == OdynError(.invalidODataResponse, reason))
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
        let error = await BC.odynError { try await client.get("vendors") }
        #expect(error == OdynError(.invalidODataResponse, reason))
    }

    @Test(
        "an HTML page, an empty body or broken JSON with status 200 is an invalidResponse APIError with an excerpt (scenario 9)"
    )
    func notJSON() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/error-page.html"))
        transport.enqueue(.status(200))
        transport.enqueue(.json(200, #"{"value":[1,"#))
        let client = try BC.client(transport: transport)
        let html = await BC.apiError { try await client.get("vendors") }
        #expect(html?.kind == .invalidResponse)
        #expect(html?.status == 200)
        #expect(html?.bodyExcerpt == "<html><body>Service Unavailable</body></html>")
        let empty = await BC.apiError { try await client.get("vendors") }
        #expect(empty?.kind == .invalidResponse)
        #expect(empty?.message == "empty body where JSON was expected")
        let broken = await BC.apiError { try await client.get("vendors") }
        #expect(broken?.kind == .invalidResponse)
        #expect(broken?.bodyExcerpt == #"{"value":[1,"#)
    }

    @Test("records that do not fit the caller's type are a decoding APIError naming the path, not the value")
    func decodingFailure() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[{"number":42}]}"#))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError { try await client.collect("customers", as: BCCustomer.self) }
        #expect(error?.kind == .decoding)
        let reason = error?.message ?? ""
        #expect(reason.contains("number"))
        #expect(!reason.contains("42"))
    }

    @Test("a 404 is a client APIError carrying the BC code, message and correlation id (scenario 10)")
    func notFound() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(404, "odyn/error-not-found.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError { try await client.get("companies(\(BC.company))/custmers") }
        #expect(error?.kind == .client)
        #expect(
            BC.service(error)
                == BCServiceError(
                    status: 404, code: "BadRequest_NotFound",
                    message:
                        "Resource not found for the segment 'custmers'.  CorrelationId:  a1b2c3d4-0000-4000-8000-00000000beef."
                ))
        #expect(BC.service(error)?.correlationId == "a1b2c3d4-0000-4000-8000-00000000beef")
        #expect(BC.service(error)?.isNotFound == true)
        #expect(error?.vendorCode == "BadRequest_NotFound")
        #expect(error?.status == 404)
        #expect(error?.attempts == 1)
        #expect(error?.description.contains("BadRequest_NotFound") == true)
    }

    @Test("a BC 401 with a static token is authenticationFailed with BC's error, without refresh")
    func unauthorized() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(401, "odyn/error-unauthorized.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError { try await client.get("companies") }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.requiresReauthentication == true)
        #expect(
            BC.service(error)
                == BCServiceError(
                    status: 401, code: "Authentication_InvalidCredentials",
                    message:
                        "The server has rejected the client credentials.  CorrelationId:  0f0f0f0f-1111-4222-8333-444444444444."
                ))
        #expect(BC.service(error)?.correlationId == "0f0f0f0f-1111-4222-8333-444444444444")
        #expect(BC.service(error)?.isUnauthorized == true)
        #expect(error?.status == 401)
        #expect(transport.requests.count == 1)
    }

    @Test("409 and 412 are concurrency conflicts; so is Request_EntityChanged on any status")
    func conflicts() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(409, "odyn/error-entity-changed.json"))
        transport.enqueue(.json(412, #"{"error":{"code":"PreconditionFailed","message":"etag mismatch"}}"#))
        let client = try BC.client(transport: transport)
        transport.enqueue(.json(400, #"{"error":{"code":"Request_EntityChanged","message":"changed"}}"#))
        let first = await BC.apiError { try await client.get("items") }
        #expect(first?.kind == .client)
        #expect(
            BC.service(first)
                == BCServiceError(
                    status: 409, code: "Request_EntityChanged",
                    message:
                        "Another user has already changed the record.  CorrelationId:  5e5e5e5e-0000-4000-8000-000000000013."
                ))
        #expect(BC.service(first)?.correlationId == "5e5e5e5e-0000-4000-8000-000000000013")
        #expect(BC.service(first)?.isConcurrencyConflict == true)
        let second = await BC.apiError { try await client.get("items") }
        #expect(BC.service(second) == BCServiceError(status: 412, code: "PreconditionFailed", message: "etag mismatch"))
        #expect(BC.service(second)?.isConcurrencyConflict == true)
        #expect(BC.service(second)?.correlationId == nil)
        #expect(second?.status == 412)
        let third = await BC.apiError { try await client.get("items") }
        #expect(third?.status == 400)
        #expect(BC.service(third)?.isConcurrencyConflict == true)
    }

    @Test("a 400 validation error, a 403 and a plain-text 400 are client errors")
    func otherErrors() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(400, "odyn/error-validation.json"))
        transport.enqueue(
            .status(400, body: Data("Bad Request".utf8), headers: BC.header("Content-Type", "text/plain")))
        transport.enqueue(.json(403, #"{"error":{"code":"Authorization_Failed","message":"no permission"}}"#))
        let client = try BC.client(transport: transport)
        let validation = await BC.apiError { try await client.get("items") }
        #expect(validation?.kind == .client)
        #expect(
            BC.service(validation)
                == BCServiceError(
                    status: 400, code: "Application_StringExceededLength",
                    message:
                        "The length of the string is 120, but it must be less than or equal to 100 characters. Value: ...  CorrelationId:  8b8b8b8b-0000-4000-8000-000000000400."
                ))
        #expect(BC.service(validation)?.correlationId == "8b8b8b8b-0000-4000-8000-000000000400")
        #expect(validation?.isTransient == false)
        let plain = await BC.apiError { try await client.get("items") }
        #expect(plain?.kind == .client)
        #expect(BC.service(plain) == BCServiceError(status: 400, code: nil, message: nil))
        #expect(plain?.responseBody == Data("Bad Request".utf8))
        let forbidden = await BC.apiError { try await client.get("items") }
        #expect(BC.service(forbidden)?.isForbidden == true)
        #expect(forbidden?.kind == .client)
    }

    @Test("network failures and cancellation are typed")
    func transportFailures() async throws {
        let transport = MockTransport()
        transport.enqueue(.failure(.timedOut))
        transport.enqueue(.failure(.timedOut))
        let client = try BC.client(transport: transport, retry: BC.retry(retries: 1))
        let timeout = await BC.apiError { try await client.get("items") }
        #expect(timeout?.kind == .timeout)
        #expect(timeout?.isTransient == true)
        #expect(timeout?.attempts == 2)

        let refused = MockTransport()
        refused.enqueue(.failure(.cannotConnectToHost))
        refused.enqueue(.failure(.cannotConnectToHost))
        let other = try BC.client(transport: refused, retry: BC.retry(retries: 1))
        let failure = await BC.apiError { try await other.get("items") }
        #expect(failure?.kind == .transport)
        #expect(failure?.isTransient == true)

        let hanging = MockTransport()
        hanging.enqueue(.hang)
        let third = try BC.client(transport: hanging)
        let task = Task { try await third.get("items") }
        task.cancel()
        let cancelled = await BC.apiError { try await task.value }
        #expect(cancelled?.kind == .cancelled)
    }

    @Test("correlation ids are pulled out of BC messages; bodies that are no error shape give nil")
    func correlationIDs() {
        #expect(
            BCServiceError.correlationId(in: "x  CorrelationId:  a1b2c3d4-0000-4000-8000-00000000beef.")
                == "a1b2c3d4-0000-4000-8000-00000000beef")
        #expect(BCServiceError.correlationId(in: "no id here") == nil)
        #expect(BCServiceError.correlationId(in: "CorrelationId: not-a-guid") == nil)
        #expect(BCServiceError.parse(Data("not json".utf8)) == nil)
        #expect(BCServiceError.parse(Data(#"{"value":[]}"#.utf8)) == nil)
    }

    @Test("a dynamic record that is not a JSON object is a decoding APIError naming its place")
    func dynamicRecordNotObject() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[{"n":1},42]}"#))
        transport.enqueue(.json(200, #"{"value":[{"n":1},42]}"#))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError { try await client.collect("vendors") }
        #expect(error?.kind == .decoding)
        #expect(error?.message == "record 1 of the page is not a JSON object")
        #expect(error?.url == BC.api + "vendors")
        let any = try await client.get("vendors")
        #expect(any == [["n": 1], 42])
    }
}
