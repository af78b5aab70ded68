import AuthCore
import Foundation
import OdynKit
import Testing
import VendorSandbox

@Suite("Business Central $batch end to end")
struct BusinessCentralBatchTests {
    @Test(
        "a JSON $batch runs each operation: an update with its ETag, a read, and an inner 400",
        arguments: SandboxTransport.allCases)
    func mixedBatch(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let itemId = try #require(sandbox.businessCentral.ids(in: "items").first)
            let item = try await client.get(.items, id: itemId, company: company)
            let itemPath = BCPath.entitySet("items", company: company, key: .id(itemId))
            let operations = [
                try ODataBatchOperation.update(itemPath, etag: try #require(item.etag), patch: ["unitPrice": 359.99]),
                try ODataBatchOperation.get(
                    BCPath.entitySet("customers", company: company), query: ODataQuery().top(1).select("number")),
                try ODataBatchOperation.create(
                    BCPath.entitySet("items", company: company),
                    body: ["number": "X-1001", "displayName": "Chair", "type": "Wrong Type"]),
            ]
            let results = try await client.batch(operations)
            #expect(results.map(\.status) == [200, 200, 400])
            #expect(try results[0].decode(BCItem.self).unitPrice == Decimal(string: "359.99"))
            #expect(results[1].body?["value"]?.arrayValue?.count == 1)
            let inner = try #require(results[2].error)
            #expect(inner.vendorMessage?.contains("'Wrong Type' is not an option") == true)
            #expect(sandbox.businessCentral.etag(in: "items", id: itemId) != item.etag?.value)
            let batches = sandbox.requests(for: .businessCentral(.batch))
            #expect(batches.count == 1)
            #expect(batches.first?.header("Isolation") == nil)
        }
    }

    @Test(
        "a transactional $batch (Isolation: snapshot) with one failure changes nothing: the rest answer 424",
        arguments: SandboxTransport.allCases)
    func transactionalRollback(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let itemId = try #require(sandbox.businessCentral.ids(in: "items").first)
            let before = try #require(sandbox.businessCentral.etag(in: "items", id: itemId))
            let operations = [
                try ODataBatchOperation.update(
                    BCPath.entitySet("items", company: company, key: .id(itemId)), etag: ODataETag(before),
                    patch: ["unitPrice": 1]),
                try ODataBatchOperation.update(
                    BCPath.entitySet("items", company: company, key: .id(itemId)), etag: ODataETag(before),
                    patch: ["unitPrice": 2]),
            ]
            let results = try await client.batch(operations, transactional: true)
            #expect(results.map(\.status) == [424, 409])
            #expect(sandbox.businessCentral.etag(in: "items", id: itemId) == before)
            #expect(sandbox.requests(for: .businessCentral(.batch)).first?.header("Isolation") == "snapshot")
        }
    }

    @Test(
        "150 operations go as two $batch requests of 100 and 50, matched back by id",
        arguments: SandboxTransport.allCases)
    func chunking(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let ids = sandbox.businessCentral.ids(in: "customers")
            let operations = try (0..<150).map { index in
                try ODataBatchOperation.get(
                    BCPath.entitySet("customers", company: company, key: .id(ids[index % ids.count])))
            }
            let results = try await client.batch(operations)
            #expect(results.count == 150)
            #expect(results.allSatisfy { $0.status == 200 })
            #expect(results[61].body?["id"]?.stringValue == ids[1])
            #expect(sandbox.requestCount(for: .businessCentral(.batch)) == 2)
        }
    }
}
