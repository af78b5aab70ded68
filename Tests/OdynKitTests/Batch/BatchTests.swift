import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("$batch")
struct BatchTests {
    static func fixtureOperations() throws -> [ODataBatchOperation] {
        [
            try .update(
                "companies(\(BC.company))/items(\(BC.itemID))", etag: ODataETag(BC.itemETag),
                patch: ["unitPrice": 359.99]),
            try .get("companies(\(BC.company))/customers", query: ODataQuery().top(1).select("number")),
            try .create(
                "companies(\(BC.company))/items",
                body: ODataBatchOperation.jsonBody(
                    BCItem(number: "1001", displayName: "Chair", type: .other("Wrong Type")))
            ),
        ]
    }

    @Test("three operations are encoded as F16 with Isolation: snapshot; F17 is matched by id (scenario 15)")
    func encodeAndDecode() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/batch-response.json"))
        let client = try BC.client(transport: transport)
        let results = try await client.batch(try Self.fixtureOperations(), transactional: true)
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == BC.api + "$batch")
        #expect(request.headers[HTTPField.Name("Isolation")!] == "snapshot")
        #expect(request.headers[.contentType] == "application/json")
        #expect(request.headers[.accept] == "application/json")
        #expect(request.jsonBody == (try BC.json("odyn/batch-request.json")))

        #expect(results.map(\.id) == ["1", "2", "3"])
        #expect(results.map(\.status) == [200, 200, 400])
        let item = try results[0].decode(BCItem.self)
        #expect(item.unitPrice == Decimal(string: "359.99"))
        #expect(item.etag == ODataETag("W/\"JzE5OzIyMzM0NDU1NjY3Nzg4OzAwOyc=\""))
        #expect(results[0].headers["odata-version"] == "4.0")
        #expect(results[1].body?["value"]?[0]?["number"] == "C00010")
        #expect(results[0].error == nil)
        #expect(results[2].isSuccess == false)
        #expect(results[2].error?.kind == .client)
        #expect(results[2].error?.status == 400)
        #expect(
            BC.service(results[2].error)
                == BCServiceError(
                    status: 400, code: "Unknown",
                    message:
                        "'Wrong Type' is not an option. The existing options are: Inventory,Service,Non-Inventory  CorrelationId:  9c9c9c9c-0000-4000-8000-000000000003."
                ))
        #expect(BC.service(results[2].error)?.correlationId == "9c9c9c9c-0000-4000-8000-000000000003")
        #expect(throws: APIError.self) { try results[2].decode(BCItem.self) }
        #expect(throws: OdynError(.decodingFailed, "operation 2: type mismatch at <root>: expected Int")) {
            try results[1].decode(Int.self)
        }
        #expect(results[2].operation.method == "POST")
    }

    @Test("answers in a different order are matched to their requests by id; no Isolation unless transactional")
    func matchedByID() async throws {
        let transport = MockTransport { _ in
            .json(
                200,
                #"{"responses":[{"id":"b","status":204},{"id":"a","status":409,"body":{"error":{"code":"Request_EntityChanged","message":"changed"}}}]}"#
            )
        }
        let client = try BC.client(transport: transport)
        let operations = [
            try ODataBatchOperation.delete("items(1)", etag: "W/\"1\"", id: "a"),
            try ODataBatchOperation.delete("items(2)", etag: "W/\"2\"", id: "b"),
        ]
        let results = try await client.batch(operations)
        #expect(results.map(\.id) == ["a", "b"])
        #expect(
            BC.service(results[0].error)
                == BCServiceError(status: 409, code: "Request_EntityChanged", message: "changed"))
        #expect(BC.service(results[0].error)?.isConcurrencyConflict == true)
        #expect(results[1].isSuccess)
        #expect(transport.requests.first?.headers[HTTPField.Name("Isolation")!] == nil)
        #expect(transport.requests.first?.jsonBody?["requests"]?[0]?["headers"]?["If-Match"] == "W/\"1\"")
    }

    @Test("150 operations are sent as chunks of 100 and 50")
    func chunks() async throws {
        let transport = MockTransport { request in
            let ids = request.jsonBody?["requests"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            let responses = ids.map { #"{"id":"\#($0)","status":200,"body":{"value":[]}}"# }.joined(separator: ",")
            return .json(200, #"{"responses":[\#(responses)]}"#)
        }
        let client = try BC.client(transport: transport)
        let operations = try (0..<150).map { _ in try ODataBatchOperation.get("vendors") }
        let results = try await client.batch(operations)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.map { $0.jsonBody?["requests"]?.arrayValue?.count } == [100, 50])
        #expect(results.count == 150)
        #expect(results.map(\.id) == (1...150).map(String.init))
        #expect(results.allSatisfy { $0.isSuccess })
    }

    @Test("refused locally: a transaction over 100 operations, duplicate ids, empty ETags, absolute URLs")
    func refusals() async throws {
        let transport = MockTransport()
        let client = try BC.client(transport: transport)
        let many = try (0..<101).map { _ in try ODataBatchOperation.get("vendors") }
        let tooMany = await BC.odynError { try await client.batch(many, transactional: true) }
        #expect(tooMany == OdynError(.invalidRequest, "a transactional batch holds at most 100 operations, got 101"))
        let duplicates = [try ODataBatchOperation.get("a", id: "1"), try ODataBatchOperation.get("b", id: "1")]
        #expect(
            await BC.odynError { try await client.batch(duplicates) }
                == OdynError(.invalidRequest, "batch operation ids must be unique"))
        #expect(BC.syncError { try ODataBatchOperation.update("items(1)", etag: "", patch: [:]) }?.code == .missingETag)
        #expect(BC.syncError({ try ODataBatchOperation.get("https://evil.example/x") })?.code == .invalidEndpoint)
        #expect(try await client.batch([]).isEmpty)
        #expect(transport.requests.isEmpty)
    }

    @Test("a batch response without an answer for an operation, or without responses, is invalidODataResponse")
    func missingAnswers() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"responses":[]}"#))
        transport.enqueue(.fixture(200, "odyn/malformed-data-key.json"))
        let client = try BC.client(transport: transport)
        let missing = await BC.odynError { try await client.batch([try .get("vendors")]) }
        #expect(missing == OdynError(.invalidODataResponse, "the batch response has no answer for operation 1"))
        let shape = await BC.odynError { try await client.batch([try .get("vendors")]) }
        #expect(shape == OdynError(.invalidODataResponse, "the batch response has no valid 'responses' list"))
    }

    @Test("an inner 429 is rateLimited with its Retry-After, like a direct call")
    func innerThrottling() async throws {
        let transport = MockTransport()
        transport.enqueue(
            .json(
                200,
                #"{"responses":[{"id":"1","status":429,"headers":{"retry-after":"7"},"#
                    + #""body":{"error":{"code":"Unknown","message":"Too many requests"}}}]}"#))
        let client = try BC.client(transport: transport)
        let error = try #require(try await client.batch([try .get("vendors")]).first?.error)
        #expect(error.kind == .rateLimited)
        #expect(error.isTransient)
        #expect(error.retryAfter == .seconds(7))
        #expect(BC.service(error)?.isThrottled == true)
        #expect(error.method == "GET")
    }
}
