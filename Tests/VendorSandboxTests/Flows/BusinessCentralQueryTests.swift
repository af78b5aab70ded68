import AuthCore
import Foundation
import OdynKit
import Testing
import VendorSandbox

@Suite("Business Central paging and queries end to end")
struct BusinessCentralQueryTests {
    static func configuration(customers: Int) -> VendorSandbox.Configuration {
        var configuration = VendorSandbox.Configuration()
        configuration.businessCentral.customers = customers
        configuration.businessCentral.salesOrders = 40
        return configuration
    }

    @Test(
        "1,234 customers in pages of 100 by Prefer: odata.maxpagesize, following absolute and relative next links",
        arguments: [SandboxBusinessCentral.NextLinkStyle.absolute, .relative], SandboxTransport.allCases)
    func pagination(style: SandboxBusinessCentral.NextLinkStyle, transport: SandboxTransport) async throws {
        var configuration = Self.configuration(customers: 1_234)
        configuration.businessCentral.nextLinkStyle = style
        try await withSandbox(configuration) { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            var pages = 0
            var ids: [String] = []
            for try await page in client.pages(
                .customers, company: company, query: ODataQuery().count(), pagination: ODataPagination(maxPageSize: 100)
            ) {
                pages += 1
                ids += page.records.compactMap(\.id)
                #expect(page.totalCount == nil || page.totalCount == 1_234)
            }
            #expect(pages == 13)
            #expect(ids == sandbox.businessCentral.ids(in: "customers"))
            let reads = sandbox.requests(for: .businessCentral(.customers))
            #expect(reads.count == 13)
            #expect(reads.allSatisfy { $0.header("Prefer") == "odata.maxpagesize=100" })
            #expect(
                reads.dropFirst().allSatisfy { $0.queryValue("$skiptoken") != nil && $0.queryValue("$count") == "true" }
            )
            #expect(sandbox.requestCount(for: .entra(.token)) == 1)
        }
    }

    @Test(
        "the server's own page limit pages a collection without Prefer; records() streams them all",
        arguments: SandboxTransport.allCases)
    func serverDrivenPaging(_ transport: SandboxTransport) async throws {
        var configuration = Self.configuration(customers: 1_050)
        configuration.businessCentral.maxPageSize = 250
        try await withSandbox(configuration) { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            var count = 0
            for try await _ in client.records(.customers, company: sandbox.businessCentral.companyId) { count += 1 }
            #expect(count == 1_050)
            #expect(sandbox.requestCount(for: .businessCentral(.customers)) == 5)
        }
    }

    @Test(
        "$filter from the query builder selects exactly what the same predicate selects locally",
        arguments: SandboxTransport.allCases)
    func filters(_ transport: SandboxTransport) async throws {
        try await withSandbox(Self.configuration(customers: 400)) { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let all = try await client.list(.customers, company: company).records
            let orders = try await client.list(.salesOrders, company: company).records
            let items = try await client.list(.items, company: company).records
            let sample = try #require(all.first { $0.displayName?.contains("'") == true })
            let threshold = Decimal(2_500)

            let cases: [(ODataFilter, @Sendable (BCCustomer) -> Bool, String)] = [
                (.field("displayName").eq(.string(sample.displayName ?? "")), { $0.id == sample.id }, "eq with ''"),
                (
                    .field("displayName").startsWith("O'Brien"), { $0.displayName?.hasPrefix("O'Brien") == true },
                    "startswith"
                ),
                (
                    .field("displayName").endsWith("& Sons"), { $0.displayName?.hasSuffix("& Sons") == true },
                    "endswith &"
                ),
                (.field("displayName").contains("Toys"), { $0.displayName?.contains("Toys") == true }, "contains"),
                (.field("balanceDue").gt(.decimal(threshold)), { ($0.balanceDue ?? 0) > threshold }, "gt decimal"),
                (
                    .field("balanceDue").le(.decimal(threshold)) && .field("type").eq("Person"),
                    { ($0.balanceDue ?? 0) <= threshold && $0.type == .person }, "and"
                ),
                (
                    .field("city").eq("Leeds") || .field("city").eq("Lyon"),
                    { ["Leeds", "Lyon"].contains($0.city ?? "") }, "or"
                ),
                (!.field("blocked").eq(" "), { $0.blocked != .notBlocked }, "not"),
                (.field("id").eq(.guid(sample.id ?? "")), { $0.id == sample.id }, "guid"),
                (.field("taxLiable").eq(true), { $0.taxLiable == true }, "bool"),
                (
                    .field("currencyCode").isIn(["EUR", "SEK"]), { ["EUR", "SEK"].contains($0.currencyCode ?? "") },
                    "in"
                ),
                (
                    .field("lastModifiedDateTime").ge(.dateTime(Date(timeIntervalSince1970: 1_736_294_400))),
                    { ($0.lastModifiedDateTime?.date ?? .distantPast) >= Date(timeIntervalSince1970: 1_736_294_400) },
                    "datetime"
                ),
            ]
            for (filter, expected, label) in cases {
                let found = try await client.list(.customers, company: company, query: ODataQuery().filter(filter))
                let wanted = all.filter(expected).compactMap(\.id)
                #expect(found.records.compactMap(\.id) == wanted, "\(label)")
                #expect(!wanted.isEmpty, "the data set has no match for: \(label)")
            }

            let since = try await client.list(
                .salesOrders, company: company,
                query: ODataQuery().filter(.field("orderDate").ge(.date(year: 2025, month: 1, day: 20))))
            #expect(
                since.records.map(\.id) == orders.filter { ($0.orderDate?.description ?? "") >= "2025-01-20" }.map(\.id)
            )
            let blocked = try await client.list(
                .items, company: company, query: ODataQuery().filter(.field("blocked").eq(true)))
            #expect(blocked.records.map(\.id) == items.filter { $0.blocked == true }.map(\.id))
        }
    }

    @Test(
        "$select, $orderby, $top, $skip and $count shape the answer as OData says", arguments: SandboxTransport.allCases
    )
    func selectOrderTopSkipCount(_ transport: SandboxTransport) async throws {
        try await withSandbox(Self.configuration(customers: 300)) { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let all = try await client.list(.customers, company: company).records
            let query = ODataQuery().filter(.field("type").eq("Company")).select("number", "displayName")
                .orderBy("displayName", .descending).skip(5).top(20).count()
            let page = try await client.list(.customers, company: company, query: query)
            let companies = all.filter { $0.type == .company }
            let expected = companies.sorted { ($0.displayName ?? "") > ($1.displayName ?? "") }
            #expect(page.totalCount == companies.count)
            #expect(page.records.map(\.number) == Array(expected.dropFirst(5).prefix(20)).map(\.number))
            #expect(page.records.allSatisfy { $0.city == nil && $0.balanceDue == nil && $0.etag != nil })
            #expect(page.context?.hasSuffix("customers(number,displayName)") == true)
            let raw = try await client.get("companies(\(company))/customers", params: ["$select": "number", "$top": 3])
            #expect(raw.count == 3)
            #expect(raw.allSatisfy { $0.objectValue?.keys.sorted() == ["@odata.etag", "number"] })
        }
    }

    @Test(
        "a query the server cannot read is a 400 with Business Central's error body",
        arguments: SandboxTransport.allCases)
    func badQuery(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.odyn(sandbox, over: transport)
            let company = sandbox.businessCentral.companyId
            let unknown = await thrownError {
                try await client.list(.customers, company: company, query: ODataQuery().filter(.field("nope").eq(1)))
            }
            let error = try #require(unknown as? APIError)
            #expect(error.status == 400)
            #expect(error.vendorError(as: BCServiceError.self)?.message?.contains("'nope'") == true)
            #expect(error.vendorError(as: BCServiceError.self)?.correlationId != nil)
            let syntax = await thrownError {
                try await client.list(.customers, company: company, query: ODataQuery().filter(raw: "number eq"))
            }
            #expect((syntax as? APIError)?.status == 400)
        }
    }
}
