import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorCtlCore

@Suite("vendorctl bc companies and get")
struct BCReadCommandTests {
    @Test("companies prints a table and a JSON array, with the bearer token sent and never printed")
    func companies() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        let run = await harness.run(BCScript.arguments("companies"))
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix(BCScript.companyId))
        #expect(lines[1].contains("Fabrikam Test Co"))
        #expect(harness.transport.requests.first?.headers[.authorization] == "Bearer \(BCScript.bearer)")
        #expect(!run.allOutput.contains(BCScript.bearer))
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        let json = try await harness.run(BCScript.arguments("companies", "--json")).json()
        #expect(json.arrayValue?.count == 1)
        #expect(json[0]?["name"] == "Fabrikam Test Co")
    }

    @Test("get follows every page, counting records and pages on standard error")
    func pagesWithProgress() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("customers-page1.json"))
        harness.transport.enqueue(BCScript.fixture("customers-page2.json"))
        let run = await harness.run(BCScript.arguments("get", "customers", "--company", BCScript.companyId))
        #expect(run.code == .success)
        #expect(
            run.stderr == """
                customers: 2 of 3 records, 1 page so far
                customers: 3 of 3 records, 2 pages so far

                """)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "number  displayName", "C00010  Northwind Bikes", "C00020  O'Brien & Sons", "C00030  Tailspin Toys",
            ])
        #expect(harness.transport.requests.count == 2)
        #expect(harness.transport.requests[0].path == "\(BCScript.apiPath)/companies(\(BCScript.companyId))/customers")
        #expect(harness.transport.requests[1].url.query?.contains("$skiptoken=") == true)
    }

    @Test("get --json streams the pages as one JSON array that parses; --quiet hides the progress")
    func pagesAsJSON() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("customers-page1.json"))
        harness.transport.enqueue(BCScript.fixture("customers-page2.json"))
        let run = await harness.run(
            BCScript.arguments("get", "customers", "--company", BCScript.companyId, "--json", "--quiet"))
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        let json = try run.json()
        #expect(json.arrayValue?.map { $0["number"] } == ["C00010", "C00020", "C00030"])
        #expect(json[0]?["@odata.etag"] == #"W/"JzE4OzEwMDAwMDAwMDAwMTswMDsn""#)
        harness.transport.enqueue(BCScript.fixture("vendors-empty.json"))
        let empty = await harness.run(
            BCScript.arguments("get", "vendors", "--company", BCScript.companyId, "--json"))
        #expect(try empty.json() == [])
    }

    @Test("--filter, --select, --expand, --orderby, --top and --page-size reach the request")
    func queryOptions() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("customers-single-page.json"))
        let run = await harness.run(
            BCScript.arguments(
                "get", "customers", "--company", BCScript.companyId, "--filter", "city eq 'Leeds & Co'",
                "--select", "number, displayName,city", "--expand", "paymentTerm", "--orderby", "displayName desc",
                "--top", "5", "--page-size", "2"))
        #expect(run.code == .success)
        let request = try #require(harness.transport.requests.first)
        let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let query = Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(query["$filter"] == "city eq 'Leeds & Co'")
        #expect(query["$select"] == "number,displayName,city")
        #expect(query["$expand"] == "paymentTerm")
        #expect(query["$orderby"] == "displayName desc")
        #expect(query["$top"] == "5")
        #expect(request.headers[HTTPField.Name("Prefer")!] == "odata.maxpagesize=2")
        // The selected fields are the table's columns, in the order given.
        let header = try #require(run.stdout.split(separator: "\n").first)
        #expect(header.split(separator: " ", omittingEmptySubsequences: true) == ["number", "displayName", "city"])
    }

    @Test("get --id prints one entity with its ETag first")
    func singleEntity() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("item.json"))
        let run = await harness.run(
            BCScript.arguments("get", "items", "--id", BCScript.itemId, "--company", BCScript.companyId))
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines[0].hasPrefix("FIELD"))
        #expect(lines[1].hasPrefix("@odata.etag") && lines[1].hasSuffix(#"W/"JzE5OzExMjIzMzQ0NTU2Njc3OzAwOyc=""#))
        #expect(lines[2].hasPrefix("id") && lines[2].hasSuffix(BCScript.itemId))
        #expect(
            harness.transport.requests.first?.path
                == "\(BCScript.apiPath)/companies(\(BCScript.companyId))/items(\(BCScript.itemId))")
        harness.transport.enqueue(BCScript.fixture("item.json"))
        let json = try await harness.run(
            BCScript.arguments("get", "items", "--id", BCScript.itemId, "--company", BCScript.companyId, "--json")
        ).json()
        #expect(json["unitPrice"] == 349.99)
    }

    @Test("--company takes a name, looked up in companies; an unknown name exits 65")
    func companyByName() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        harness.transport.enqueue(BCScript.fixture("vendors.json"))
        let run = await harness.run(BCScript.arguments("get", "vendors", "--company", "Fabrikam Test Co"))
        #expect(run.code == .success)
        let lookup = try #require(harness.transport.requests.first)
        #expect(lookup.url.query?.contains("$filter=name%20eq%20'Fabrikam%20Test%20Co'") == true)
        #expect(harness.transport.requests[1].path.contains("companies(\(BCScript.companyId))/vendors"))
        harness.transport.enqueue(BCScript.fixture("vendors-empty.json"), path: "\(BCScript.apiPath)/companies")
        let unknown = await harness.run(BCScript.arguments("get", "vendors", "--company", "Nobody Ltd"))
        #expect(unknown.code == .refused)
        #expect(unknown.stderr.contains("Nobody Ltd"))
    }

    @Test("get without a company, with a bad entity name or a negative --top is a usage error; nothing is sent")
    func usageErrors() async {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        for arguments in [
            BCScript.arguments("get", "customers"),
            BCScript.arguments("get", "customers/../x", "--company", BCScript.companyId),
            BCScript.arguments("get", "customers", "--top", "-1", "--company", BCScript.companyId),
            BCScript.arguments("get", "customers", "--id", "x", "--top", "1", "--company", BCScript.companyId),
            BCScript.arguments("get"),
            ["bc", "get", "customers", "--base-url", "ftp://example.com/"],
        ] {
            let run = await harness.run(arguments)
            #expect(run.code == .usage, "\(arguments)")
            #expect(run.stderr.hasPrefix("vendorctl: usage: "), "\(arguments)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("failures map to their exit codes: 401 → 77, 404 → 65, 503 → 70, connection refused → 69")
    func failureClasses() async throws {
        let unauthorized = CLIHarness(environment: BCScript.bearerEnvironment)
        unauthorized.transport.enqueue(BCScript.fixture("error-unauthorized.json", status: 401))
        let refused = await unauthorized.run(BCScript.arguments("companies"))
        #expect(refused.code == .authentication)
        #expect(refused.stderr.contains("(check the credentials"))
        #expect(!refused.allOutput.contains(BCScript.bearer))

        let missing = CLIHarness(environment: BCScript.bearerEnvironment)
        missing.transport.enqueue(BCScript.fixture("error-not-found.json", status: 404))
        let notFound = await missing.run(
            BCScript.arguments("get", "items", "--id", BCScript.itemId, "--company", BCScript.companyId))
        #expect(notFound.code == .refused)
        #expect(notFound.stderr.contains("BadRequest_NotFound"))

        let failing = CLIHarness(
            transport: MockTransport { _ in BCScript.fixture("error-page.html", status: 503) },
            environment: BCScript.bearerEnvironment)
        let server = await failing.run(BCScript.arguments("companies"))
        #expect(server.code == .server)
        #expect(failing.transport.requests.count > 1)

        let down = CLIHarness(
            transport: MockTransport { _ in .failure(.cannotConnectToHost) }, environment: BCScript.bearerEnvironment)
        let network = await down.run(BCScript.arguments("companies"))
        #expect(network.code == .network)
        #expect(network.stderr.hasPrefix("vendorctl: network: "))
    }

    @Test("with --json, a first page that fails leaves standard output empty")
    func jsonFailureBeforeFirstPage() async {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("malformed-data-key.json"))
        let run = await harness.run(BCScript.arguments("get", "customers", "--company", BCScript.companyId, "--json"))
        #expect(run.code == .server)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("vendorctl: server: OdynError.invalidODataResponse"))
    }

    @Test("a BC_BASE_URL that is not an http(s) URL is a usage error")
    func badBaseURLFromEnvironment() async {
        let harness = CLIHarness(environment: ["BC_TOKEN": BCScript.bearer, "BC_BASE_URL": "ftp://example.com/"])
        let run = await harness.run("bc", "companies")
        #expect(run.code == .usage)
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("a loopback service that is down (connection refused) exits 69 through the real URLSession transport")
    func loopbackDown() async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 500) }
        let root = server.baseURL.absoluteString + "/api/v2.0/"
        server.stop()
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        let run = await harness.run(
            ["bc", "companies", "--base-url", root], transport: URLSessionTransport.shared)
        #expect(run.code == .network)
        #expect(!run.allOutput.contains(BCScript.bearer))
    }
}
