import AuthCore
import Foundation
import OdynKit
import Testing
import VendorSandbox

@Suite("Business Central end to end over real sockets")
struct BusinessCentralFlowTests {
    @Test(
        "a client-credentials token is fetched once, with a form body, and reused for every read",
        arguments: SandboxTransport.allCases)
    func tokenAndReads(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let companies = try await client.companies()
            #expect(companies.map(\.id) == [company])
            let customers = try await client.list(.customers, company: company)
            #expect(customers.records.count == sandbox.businessCentral.recordCount(in: "customers"))
            #expect(customers.records.allSatisfy { $0.etag != nil && $0.number != nil })
            let vendors = try await client.list(.vendors, company: company)
            #expect(vendors.records.count == sandbox.businessCentral.recordCount(in: "vendors"))
            let items = try await client.list(.items, company: company)
            #expect(items.records.first?.unitPrice != nil)
            let orders = try await client.list(
                .salesOrders, company: company, query: ODataQuery().expand("salesOrderLines").top(3))
            #expect(orders.records.count == 3)
            #expect(
                orders.records.allSatisfy {
                    $0.salesOrderLines?.count == sandbox.businessCentral.settings.linesPerOrder
                })
            let order = try #require(orders.records.first)
            let lines = try await client.list(
                .salesOrderLines, company: company,
                query: ODataQuery().filter(.field("documentId").eq(.guid(order.id ?? ""))))
            #expect(lines.records.map(\.id) == order.salesOrderLines?.map(\.id))
            let one = try await client.get(.customers, id: customers.records[5].id ?? "", company: company)
            #expect(one.number == customers.records[5].number)

            let tokens = sandbox.requests(for: .entra(.token))
            #expect(tokens.count == 1)
            let form = try #require(tokens.first)
            #expect(form.header("Content-Type")?.hasPrefix("application/x-www-form-urlencoded") == true)
            #expect(form.bodyText.contains("grant_type=client_credentials"))
            #expect(form.header("Authorization") == nil)
            let bearer = try #require(sandbox.entra.issuedTokens.first)
            #expect(
                sandbox.requests(for: .vendor(.businessCentral)).allSatisfy {
                    $0.header("Authorization") == "Bearer \(bearer)"
                })
        }
    }

    @Test(
        "an expired token mid-session: Business Central's 401 body, one new token, the call retried",
        arguments: SandboxTransport.allCases)
    func tokenExpiryMidSession(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            _ = try await client.list(.items, company: company, query: ODataQuery().top(1))
            sandbox.clock.advance(by: sandbox.entra.settings.tokenLifetime + .seconds(1))
            let items = try await client.list(.items, company: company, query: ODataQuery().top(2))
            #expect(items.records.count == 2)
            let reads = sandbox.requests(for: .businessCentral(.items))
            #expect(reads.map(\.status) == [200, 401, 200])
            #expect(reads[1].header("Authorization") != reads[2].header("Authorization"))
            #expect(sandbox.requestCount(for: .entra(.token)) == 2)
        }
    }

    @Test(
        "Entra ID's refusals are typed: a bad secret is invalid_client AADSTS7000215, a bad tenant AADSTS90002",
        arguments: SandboxTransport.allCases)
    func tokenRefusals(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let company = sandbox.businessCentral.companyId
            let badSecret = try SandboxClients.odyn(
                sandbox, over: transport, credentials: SandboxClients.credentials(sandbox, secret: "wrong"))
            let secretError = try #require(await thrownError { try await badSecret.companies() } as? APIError)
            #expect(secretError.kind == .authenticationFailed)
            #expect(secretError.status == 401)
            let secretBody = try #require(secretError.vendorError(as: EntraTokenError.self))
            #expect(secretBody.error == "invalid_client")
            #expect(secretBody.errorCodes == [7_000_215])

            let badTenant = try SandboxClients.odyn(
                sandbox, over: transport,
                credentials: SandboxClients.credentials(sandbox, tenant: "contoso.onmicrosoft.com"))
            let tenantError = try #require(
                await thrownError { try await badTenant.list(.items, company: company) } as? APIError)
            let tenantBody = try #require(tenantError.vendorError(as: EntraTokenError.self))
            #expect(tenantError.status == 400)
            #expect(tenantBody.errorCodes == [90_002])
            #expect(tenantBody.errorDescription?.hasPrefix("AADSTS90002:") == true)
            #expect(sandbox.requestCount(for: .vendor(.businessCentral)) == 0)
        }
    }

    @Test(
        "writes with ETags: create 201, update changes the ETag, a stale ETag is a conflict, delete 204",
        arguments: SandboxTransport.allCases)
    func writesWithETags(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let created = try await client.create(
                .customers, BCCustomer(displayName: "Adventure Test Ltd", type: .company, currencyCode: "USD"),
                company: company)
            let id = try #require(created.id)
            #expect(created.number?.hasPrefix("C") == true)
            #expect(sandbox.requests(for: .businessCentral(.customers).method("POST")).map(\.status) == [201])

            let first = try #require(created.etag)
            let renamed = try await client.update(
                .customers, id: id, etag: first, changes: BCCustomer(displayName: "Adventure Works Ltd"),
                company: company)
            #expect(renamed.displayName == "Adventure Works Ltd")
            let second = try #require(renamed.etag)
            #expect(second != first)
            #expect(sandbox.businessCentral.etag(in: "customers", id: id) == second.value)

            let stale = await thrownError {
                try await client.update(
                    .customers, id: id, etag: first, changes: BCCustomer(displayName: "Lost Update"), company: company)
            }
            let conflict = try #require(stale as? APIError)
            #expect(conflict.status == 409)
            #expect(conflict.vendorError(as: BCServiceError.self)?.isConcurrencyConflict == true)
            #expect(conflict.vendorCode == "Request_EntityChanged")

            // Another user changes the record: the ETag the client holds goes stale.
            sandbox.businessCentral.touch("customers", id: id)
            let touched = await thrownError {
                try await client.delete(.customers, id: id, etag: second, company: company)
            }
            #expect((touched as? APIError)?.status == 409)

            let fresh = try await client.get(.customers, id: id, company: company)
            try await client.delete(.customers, id: id, etag: fresh.etag, company: company)
            let gone = try #require(
                await thrownError { try await client.get(.customers, id: id, company: company) } as? APIError)
            #expect(gone.vendorError(as: BCServiceError.self)?.isNotFound == true)
            #expect(sandbox.requests(for: .businessCentral(.customers).method("DELETE")).map(\.status) == [409, 204])
        }
    }

    @Test("a PATCH without If-Match is answered 428 BadRequest_InvalidToken; with * it applies")
    func missingIfMatch() async throws {
        try await withSandbox { sandbox in
            let company = sandbox.businessCentral.companyId
            let client = try SandboxClients.odyn(sandbox)
            let id = try #require(sandbox.businessCentral.ids(in: "items").first)
            _ = try await client.companies()
            let token = try #require(sandbox.entra.issuedTokens.first)
            let url = sandbox.businessCentralBaseURL.appendingPathComponent("companies(\(company))/items(\(id))")
            let answer = try await RawHTTP.send(
                .patch, url, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: Data(#"{"unitPrice":1}"#.utf8))
            #expect(answer.status == 428)
            #expect(answer.text.contains("BadRequest_InvalidToken"))
            let updated = try await client.update(
                .items, id: id, etag: .any, changes: BCItem(unitPrice: 12.5), company: company)
            #expect(updated.unitPrice == Decimal(string: "12.5"))
        }
    }
}
