import Foundation
import HTTPTypes
import Logging
import OdynKit
import TestSupport
import Testing

// Public API only (no `@testable`, no `import AuthCore`): what the README shows must compile
// with `import OdynKit` alone, through its re-exports.

/// The README's OdynKit example, as written there, with its inputs as parameters.
private func readmeExample(
    tenant: String, secretFromKeychain: String, companyId: String, itemId: String,
    transport: any HTTPTransport = URLSessionTransport.shared
) async throws -> (customers: [String], debtors: Int, conflict: Bool) {
    let credentials = try EntraClientCredentials(
        tenantId: tenant, clientId: "<app-id>", clientSecret: Secret(secretFromKeychain))
    var configuration = OdynClient.Configuration.environment(
        BCEnvironment(tenantId: tenant, environment: "Production"),
        session: .clientCredentials(credentials))  // token cached, refreshed once on 401
    configuration.maxConcurrentRequests = 4
    let client = try OdynClient(
        configuration: configuration, transport: transport,
        logger: Logger(label: "bc"))  // secrets and $filter values redacted

    // Every customer, streamed: one page in memory at a time.
    var customers: [String] = []
    for try await customer in client.records(.customers, company: companyId) {
        customers.append(customer.number ?? "-")
    }

    // A filtered query.
    let filter = ODataFilter.field("displayName").startsWith("O'Brien") && ODataFilter.field("balanceDue").gt(0)
    let query = ODataQuery().filter(filter).select("number", "displayName", "balanceDue").orderBy("number").count()
    let debtors = try await client.list(.customers, company: companyId, query: query)
    print(debtors.totalCount ?? 0, debtors.records.first?.balanceDue ?? 0)  // Decimal, exact

    // An update guarded by the record's ETag.
    let item = try await client.get(.items, id: itemId, company: companyId)
    var conflict = false
    do {
        let updated = try await client.update(
            .items, id: itemId, etag: item.etag, changes: BCItem(unitPrice: Decimal(string: "359.99")),
            company: companyId)
        print(updated.unitPrice ?? 0)
    } catch let error as APIError where error.vendorError(as: BCServiceError.self)?.isConcurrencyConflict == true {
        conflict = true  // changed by someone else: read it again
    }
    return (customers, debtors.records.count, conflict)
}

@Suite("README example")
struct ReadmeExampleTests {
    @Test("client credentials, streamed customers, a filtered query and a PATCH with its ETag")
    func readmeFlow() async throws {
        let tenant = "11111111-2222-3333-4444-555555555555"
        let company = "9c4f2e10-0000-4a1b-8c3d-00000000c0de"
        let item = "a0000000-0000-0000-0000-000000000001"
        let api = "/v2.0/\(tenant)/Production/api/v2.0/"
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: "/\(tenant)/oauth2/v2.0/token")
        transport.enqueue(.fixture(200, "odyn/customers-page1.json"), path: api)
        // The fixture's next link names the Sandbox environment of the same host.
        transport.enqueue(.fixture(200, "odyn/customers-page2.json"), path: "/v2.0/\(tenant)/Sandbox/api/v2.0/")
        transport.enqueue(.fixture(200, "odyn/customers-single-page.json"), path: api)
        transport.enqueue(.fixture(200, "odyn/item.json"), path: api)
        transport.enqueue(.fixture(409, "odyn/error-entity-changed.json"), path: api)

        let result = try await readmeExample(
            tenant: tenant, secretFromKeychain: "s3cret-from-keychain", companyId: company, itemId: item,
            transport: transport)

        #expect(result.customers == ["C00010", "C00020", "C00030"])
        #expect(result.debtors == 2)
        #expect(result.conflict)
        let sent = transport.requests
        #expect(sent.count == 6)
        let filter = "$filter=startswith(displayName,'O''Brien')%20and%20balanceDue%20gt%200"
        #expect(sent[3].url.query == filter + "&$select=number,displayName,balanceDue&$orderby=number&$count=true")
        #expect(sent[5].method == .patch)
        #expect(sent[5].headers[HTTPField.Name("If-Match")!] == #"W/"JzE5OzExMjIzMzQ0NTU2Njc3OzAwOyc=""#)
        #expect(sent.dropFirst().allSatisfy { $0.headers[.authorization]?.hasPrefix("Bearer ") == true })
    }
}
