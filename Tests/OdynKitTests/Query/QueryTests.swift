import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import OdynKit

@Suite("Query building and URL encoding")
struct QueryTests {
    @Test("literals are quoted and escaped the OData way")
    func literals() {
        #expect(ODataLiteral.string("O'Brien").text == "'O''Brien'")
        #expect(
            ODataLiteral.guid("5b0d8a6e-1a11-4e2f-9a01-0000000a0001").text == "5b0d8a6e-1a11-4e2f-9a01-0000000a0001")
        #expect(
            ODataLiteral.guid(UUID(uuidString: "5B0D8A6E-1A11-4E2F-9A01-0000000A0001")!).text
                == "5b0d8a6e-1a11-4e2f-9a01-0000000a0001")
        #expect(ODataLiteral.bool(true).text == "true")
        #expect(ODataLiteral.bool(false).text == "false")
        #expect(ODataLiteral.int(42).text == "42")
        #expect(ODataLiteral.decimal(Decimal(string: "1234.56")!).text == "1234.56")
        #expect(ODataLiteral.double(0.5).text == "0.5")
        #expect(ODataLiteral.date(year: 2025, month: 2, day: 14).text == "2025-02-14")
        #expect(ODataLiteral.date(Date(timeIntervalSince1970: 1_739_550_000)).text == "2025-02-14")
        #expect(ODataLiteral.dateTime(Date(timeIntervalSince1970: 1_739_550_000)).text == "2025-02-14T16:20:00Z")
        #expect(ODataLiteral.null.text == "null")
        let literal: ODataLiteral = 349.99
        #expect(literal == .decimal(Decimal(string: "349.99")!))
        #expect(BCDate(year: 2025, month: 2, day: 14).literal.text == "2025-02-14")
    }

    @Test("filters combine with and/or/not and parenthesise mixed operators")
    func filters() {
        let name = ODataFilter.field("displayName").eq("O'Brien & Sons")
        let balance = ODataFilter.field("balanceDue").gt(.decimal(100))
        #expect(name.expression == "displayName eq 'O''Brien & Sons'")
        #expect((name && balance).expression == "displayName eq 'O''Brien & Sons' and balanceDue gt 100")
        let either = ODataFilter.field("city").eq("Leeds") || ODataFilter.field("city").eq("York")
        #expect((either && balance).expression == "(city eq 'Leeds' or city eq 'York') and balanceDue gt 100")
        #expect((!either).expression == "not (city eq 'Leeds' or city eq 'York')")
        #expect(ODataFilter.field("number").startsWith("C0").expression == "startswith(number,'C0')")
        #expect(ODataFilter.field("displayName").contains("it's").expression == "contains(displayName,'it''s')")
        #expect(ODataFilter.field("number").endsWith("9").expression == "endswith(number,'9')")
        #expect(
            ODataFilter.field("blocked").isIn(["Ship", "All"]).expression == "blocked eq 'Ship' or blocked eq 'All'")
        #expect(ODataFilter.field("id").eq(.guid(BC.itemID)).expression == "id eq \(BC.itemID)")
        #expect(ODataFilter.field("taxLiable").ne(true).expression == "taxLiable ne true")
        #expect(ODataFilter.field("a").ge(1).description == "a ge 1")
        #expect(ODataFilter.field("a").lt(1).expression == "a lt 1")
        #expect(ODataFilter.field("a").le(nil).expression == "a le null")
        #expect(
            (ODataFilter.raw("a eq 1 or b eq 2") && balance).expression == "(a eq 1 or b eq 2) and balanceDue gt 100")
    }

    @Test("query options keep the order they were set in and encode with %20")
    func queryEncoding() {
        let query = ODataQuery()
            .filter(.field("displayName").eq("O'Brien & Sons"))
            .select("number", "displayName")
            .expand("salesOrderLines")
            .orderBy("displayName", .descending)
            .top(5)
            .skip(10)
            .count()
            .schemaVersion("2.1")
        #expect(
            query.encoded
                == "$filter=displayName%20eq%20'O''Brien%20%26%20Sons'&$select=number,displayName&$expand=salesOrderLines"
                + "&$orderby=displayName%20desc&$top=5&$skip=10&$count=true&$schemaversion=2.1")
        #expect(query.top(7).value(of: "$top") == "7")
        #expect(query.top(7).items.count == query.items.count)
        #expect(ODataQuery().orderBy([("a", .ascending), ("b", .descending)]).encoded == "$orderby=a,b%20desc")
        #expect(ODataQuery().filter(raw: "a eq 1").count(false).encoded == "$filter=a%20eq%201&$count=false")
        #expect(ODataQuery().isEmpty)
    }

    @Test("raw params: $top then $filter, %20 for spaces, & inside a value encoded (scenario 4)")
    func rawParams() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport)
        _ = try await client.get("/items", params: ["$top": 5, "$filter": "displayName eq 'A&B'"])
        #expect(
            transport.requests.first?.url.absoluteString == BC.api + "items?$top=5&$filter=displayName%20eq%20'A%26B'")
    }

    @Test("booleans become true/false and lists one comma-separated value")
    func typedParams() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport)
        _ = try await client.get(
            "items",
            params: [
                "$count": true, "$select": ["number", "displayName"], "x": .decimal(Decimal(string: "1.5")!), "y": 0.25,
            ])
        #expect(transport.requests.first?.url.query == "$count=true&$select=number,displayName&x=1.5&y=0.25")
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let top = 3
        let filter = ODataFilter.field("number").eq("C1")
        _ = try await client.get(
            "items", params: ["$top": .int(top), "$filter": .filter(filter), "$count": .bool(false)])
        #expect(transport.requests.last?.url.query == "$top=3&$filter=number%20eq%20'C1'&$count=false")
    }

    @Test("an endpoint that already has a query is merged with &")
    func mergedQuery() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport)
        _ = try await client.get("customers?$top=5", params: ["$skip": 5])
        #expect(transport.requests.first?.url.absoluteString == BC.api + "customers?$top=5&$skip=5")
    }

    @Test(
        "absolute, scheme-like and ../ endpoints are refused before sending",
        arguments: [
            "https://evil.example/x", "HTTP://evil.example/x", "mailto:x", "../x", "items/../../x", "%2e%2e/x",
            "./items", "a\\b", "items#frag",
        ])
    func refusedEndpoints(endpoint: String) async throws {
        let transport = MockTransport()
        let client = try BC.client(transport: transport)
        let error = await BC.odynError { try await client.get(endpoint) }
        #expect(error?.code == .invalidEndpoint, "\(endpoint): \(String(describing: error))")
        #expect(transport.requests.isEmpty)
    }

    @Test("an empty endpoint is the base URL; spaces and quotes in paths are encoded")
    func pathEncoding() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport)
        _ = try await client.get("")
        _ = try await client.get("Company('CRONUS USA, Inc.')/Customers")
        #expect(
            transport.requests.map(\.url.absoluteString) == [
                BC.api, BC.api + "Company('CRONUS%20USA,%20Inc.')/Customers",
            ])
    }
}

@Suite("Business Central URLs")
struct URLBuilderTests {
    @Test("online roots with and without a tenant, and each API route")
    func onlineRoots() {
        let env = BCEnvironment(tenantId: BC.tenant, environment: "Sandbox")
        #expect(
            env.root == "https://api.businesscentral.dynamics.com/v2.0/11111111-2222-3333-4444-555555555555/Sandbox/")
        #expect(env.serviceRoot() == BC.api)
        #expect(
            BCEnvironment(environment: "Production").serviceRoot(.automation)
                == "https://api.businesscentral.dynamics.com/v2.0/Production/api/microsoft/automation/v2.0/")
        #expect(
            env.serviceRoot(.custom(publisher: "contoso", group: "app1", version: "v1.0")) == env.root
                + "api/contoso/app1/v1.0/")
        #expect(env.serviceRoot(.odataV4) == env.root + "ODataV4/")
    }

    @Test("on-premises instance URLs are validated and normalised")
    func onPremises() throws {
        let env = try BCEnvironment.onPremises(" https://bc.example.com:7048/BC ")
        #expect(env.serviceRoot() == "https://bc.example.com:7048/BC/api/v2.0/")
        #expect(env.serviceRoot(.odataV4) == "https://bc.example.com:7048/BC/ODataV4/")
        #expect(BC.syncError { try BCEnvironment.onPremises("bc.example.com") }?.code == .invalidURL)
    }

    @Test("entity paths: company by id, GUID keys bare, string keys quoted and encoded")
    func paths() {
        #expect(BCPath.company(BC.company) == "companies(\(BC.company))")
        #expect(BCPath.entitySet("customers", company: BC.company) == BC.customers)
        #expect(BCPath.entitySet("items", company: BC.company, key: .id(BC.itemID)) == "\(BC.items)(\(BC.itemID))")
        #expect(BCPath.collection("Customers", key: .string("10000")) == "Customers('10000')")
        #expect(BCPath.collection("Lines", key: .int(7)) == "Lines(7)")
        #expect(
            BCPath.webService("Customers", companyName: "CRONUS USA, Inc.")
                == "Company('CRONUS%20USA,%20Inc.')/Customers")
        #expect(
            BCPath.webService("Items", companyName: "O'Brien & Sons", key: .string("1000"))
                == "Company('O''Brien%20%26%20Sons')/Items('1000')")
    }

    @Test("a client for an environment sends to the API route; the company is found by name")
    func clientForEnvironment() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/companies.json"))
        var configuration = OdynClient.Configuration.environment(
            BCEnvironment(tenantId: BC.tenant, environment: "Sandbox"), session: try BC.session())
        configuration.timeSource = TestClock()
        let client = try OdynClient(configuration: configuration, transport: transport)
        let company = try await client.company(named: "Fabrikam Test Co")
        #expect(company?.id == BC.company)
        #expect(
            transport.requests.first?.url.absoluteString == BC.api
                + "companies?$filter=name%20eq%20'Fabrikam%20Test%20Co'")
    }

    @Test("ODataV4 web service reads go to Company('name')")
    func webServiceRead() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let env = BCEnvironment(tenantId: BC.tenant, environment: "Sandbox")
        var configuration = OdynClient.Configuration.environment(env, route: .odataV4, session: try BC.session())
        configuration.timeSource = TestClock()
        let client = try OdynClient(configuration: configuration, transport: transport)
        _ = try await client.collect(
            BCPath.webService("Customers", companyName: "CRONUS USA, Inc."), query: ODataQuery().top(1))
        #expect(
            transport.requests.first?.url.absoluteString == env.root
                + "ODataV4/Company('CRONUS%20USA,%20Inc.')/Customers?$top=1")
    }
}
