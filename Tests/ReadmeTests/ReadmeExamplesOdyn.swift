import Foundation
import Logging
import OdynKit

// The README's OdynKit example, exactly as printed there (the README test compares them). It is
// compiled, not run; Tests/OdynKitTests/ReadmeExampleTests.swift runs the same flow.

enum ReadmeOdynExamples {
    static func businessCentral(tenant: String, secretFromKeychain: String, companyId: String, itemId: String)
        async throws
    {
        let credentials = try EntraClientCredentials(
            tenantId: tenant,
            clientId: "<app-id>",
            clientSecret: Secret(secretFromKeychain)
        )
        var configuration = OdynClient.Configuration.environment(
            BCEnvironment(tenantId: tenant, environment: "Production"),
            session: .clientCredentials(credentials)  // token cached, refreshed once on 401
        )
        configuration.maxConcurrentRequests = 4
        let client = try OdynClient(configuration: configuration, logger: Logger(label: "bc"))

        // Every customer, streamed: one page in memory at a time.
        for try await customer in client.records(.customers, company: companyId) {
            print(customer.number ?? "-")
        }

        // A filtered query; $filter values never reach logs or errors unless you opt in.
        let filter = ODataFilter.field("displayName").startsWith("O'Brien") && ODataFilter.field("balanceDue").gt(0)
        let query = ODataQuery().filter(filter).select("number", "displayName", "balanceDue").orderBy("number").count()
        let debtors = try await client.list(.customers, company: companyId, query: query)
        print(debtors.totalCount ?? 0, debtors.records.first?.balanceDue ?? 0)  // Decimal, exact

        // An update guarded by the record's ETag.
        let item = try await client.get(.items, id: itemId, company: companyId)
        do {
            let changes = BCItem(unitPrice: Decimal(string: "359.99"))
            let updated = try await client.update(
                .items, id: itemId, etag: item.etag, changes: changes, company: companyId)
            print(updated.unitPrice ?? 0)
        } catch let error as APIError where error.vendorError(as: BCServiceError.self)?.isConcurrencyConflict == true {
            print("changed by someone else; read it again")
        }
    }
}
