import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Single records and writes")
struct WriteTests {
    let itemPath = "\(BC.items)(\(BC.itemID))"

    @Test("a single item is read as a typed entity and as a dynamic record")
    func getItem() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/item.json"))
        transport.enqueue(.fixture(200, "odyn/item.json"))
        let client = try BC.client(transport: transport)
        let item = try await client.get(.items, id: BC.itemID, company: BC.company)
        #expect(item.etag == ODataETag(BC.itemETag))
        #expect(item.unitPrice == Decimal(string: "349.99"))
        #expect(transport.requests.first?.url.absoluteString == BC.api + itemPath)
        let record = try await client.entity(itemPath, query: ODataQuery().select("id", "unitPrice"))
        #expect(record["number"] == "1000")
        #expect(transport.requests.last?.url.query == "$select=id,unitPrice")
    }

    @Test("a collection body where an entity is expected is an invalidODataResponse OdynError")
    func entityShape() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/malformed-top-level-array.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.odynError { try await client.entity(itemPath) }
        #expect(error == OdynError(.invalidODataResponse, "the entity is not a JSON object"))
        transport.enqueue(.fixture(200, "odyn/malformed-top-level-array.json"))
        let typed = await BC.odynError { try await client.get(.items, id: BC.itemID, company: BC.company) }
        #expect(typed == OdynError(.invalidODataResponse, "the entity is not a JSON object"))
    }

    @Test("PATCH sends If-Match byte for byte and decodes the 200 body (scenario 14)")
    func patch() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/item.json"))
        let client = try BC.client(transport: transport)
        let updated = try await client.update(
            .items, id: BC.itemID, etag: ODataETag(BC.itemETag), changes: BCItem(unitPrice: Decimal(string: "359.99")),
            company: BC.company)
        let request = try #require(transport.requests.first)
        #expect(request.method == .patch)
        #expect(request.headers[HTTPField.Name("If-Match")!] == #"W/"JzE5OzExMjIzMzQ0NTU2Njc3OzAwOyc=""#)
        #expect(request.headers[.contentType] == "application/json")
        #expect(request.jsonBody == ["unitPrice": 359.99])
        #expect(request.bodyText == #"{"unitPrice":359.99}"#)
        #expect(updated.number == "1000")
    }

    @Test("a PATCH or DELETE without an ETag is refused locally; * is sent when chosen")
    func missingETag() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/item.json"))
        let client = try BC.client(transport: transport)
        let patchError = await BC.odynError {
            try await client.update(itemPath, etag: nil, patch: ["unitPrice": 1] as JSONValue)
        }
        #expect(patchError?.code == .missingETag)
        let emptyError = await BC.odynError {
            try await client.update(itemPath, etag: ODataETag(""), patch: ["unitPrice": 1] as JSONValue)
        }
        #expect(emptyError?.code == .missingETag)
        let deleteError = await BC.odynError {
            try await client.delete(.items, id: BC.itemID, etag: nil, company: BC.company)
        }
        #expect(deleteError?.code == .missingETag)
        #expect(transport.requests.isEmpty)
        _ = try await client.update(itemPath, etag: .any, patch: ["unitPrice": 1] as JSONValue)
        #expect(transport.requests.first?.headers[HTTPField.Name("If-Match")!] == "*")
    }

    @Test("without If-Match BC answers 400 BadRequest_InvalidToken, a client APIError with BC's error")
    func serverMissingIfMatch() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(400, "odyn/error-missing-if-match.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError {
            try await client.update(itemPath, etag: ODataETag("W/\"x\""), patch: ["a": 1] as JSONValue)
        }
        #expect(error?.kind == .client)
        #expect(error?.status == 400)
        #expect(BC.service(error)?.code == "BadRequest_InvalidToken")
        #expect(BC.service(error)?.correlationId == "5e5e5e5e-0000-4000-8000-000000000014")
        #expect(BC.service(error)?.isConcurrencyConflict == false)
    }

    @Test("a stale ETag is a 409 whose BCServiceError is a concurrency conflict")
    func staleETag() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(409, "odyn/error-entity-changed.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError {
            try await client.update(
                .items, id: BC.itemID, etag: "W/\"stale\"", changes: BCItem(unitPrice: 1), company: BC.company)
        }
        #expect(error?.status == 409)
        #expect(BC.service(error)?.isConcurrencyConflict == true)
        #expect(BC.service(error)?.code == "Request_EntityChanged")
        #expect(BC.service(error)?.correlationId == "5e5e5e5e-0000-4000-8000-000000000013")
        #expect(transport.requests.count == 1)
    }

    @Test("DELETE accepts 204 with an empty body and sends If-Match")
    func delete() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(204))
        let client = try BC.client(transport: transport)
        try await client.delete(.items, id: BC.itemID, etag: ODataETag(BC.itemETag), company: BC.company)
        #expect(transport.requests.first?.method == .delete)
        #expect(transport.requests.first?.headers[HTTPField.Name("If-Match")!] == BC.itemETag)
        #expect(transport.requests.first?.body == nil)
    }

    @Test("POST sends only the fields set and expects 201 (F18)")
    func create() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(201, "odyn/customer-created.json"))
        let client = try BC.client(transport: transport)
        let created = try await client.create(
            .customers, BCCustomer(displayName: "Adventure Test Ltd", type: .company, currencyCode: "USD"),
            company: BC.company
        )
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == BC.api + BC.customers)
        #expect(request.jsonBody == (try BC.json("odyn/customer-create-request.json")))
        #expect(created.number == "C00040")
        #expect(created.id == "5b0d8a6e-1a11-4e2f-9a01-0000000a0040")
        #expect(created.etag != nil)
        #expect(created.blocked == .notBlocked)
    }

    @Test("a POST answered with 200 instead of 201 is refused")
    func createWrongStatus() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customer-created.json"))
        let client = try BC.client(transport: transport)
        let error = await BC.apiError {
            try await client.create(BC.customers, body: try BC.json("odyn/customer-create-request.json"))
        }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message == "unexpected status 200")
        #expect(error?.status == 200)
    }

    @Test("a bound action posts without a body and accepts 204")
    func boundAction() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(204))
        transport.enqueue(.json(200, #"{"ok":true}"#))
        let client = try BC.client(transport: transport)
        let result = try await client.action(
            "companies(\(BC.company))/salesOrders(f0000000-0000-0000-0000-000000000101)/Microsoft.NAV.shipAndInvoice")
        #expect(result == nil)
        #expect(transport.requests.first?.method == .post)
        #expect(transport.requests.first?.url.path.hasSuffix("/Microsoft.NAV.shipAndInvoice") == true)
        let answer = try await client.action("x/Microsoft.NAV.other", parameters: ["a": 1])
        #expect(answer == ["ok": true])
        #expect(transport.requests.last?.jsonBody == ["a": 1])
    }
}
