import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorCtlCore
import VendorFixtures

@Suite("vendorctl bc create, update, delete and batch")
struct BCWriteCommandTests {
    @Test("create posts the --data object and prints the new entity; --json parses")
    func create() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("customer-created.json", status: 201), method: .post)
        let body = #"{"displayName":"Adventure Test Ltd","type":"Company","currencyCode":"USD"}"#
        let run = await harness.run(
            BCScript.arguments("create", "customers", "--company", BCScript.companyId, "--data", body, "--json"))
        #expect(run.code == .success)
        let request = try #require(harness.transport.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "\(BCScript.apiPath)/companies(\(BCScript.companyId))/customers")
        #expect(request.jsonBody == ["displayName": "Adventure Test Ltd", "type": "Company", "currencyCode": "USD"])
        #expect(try run.json()["number"] == "C00040")
    }

    @Test("create reads the body from --file or from standard input")
    func createFromFileAndStandardInput() async throws {
        let stdinHarness = CLIHarness(
            environment: BCScript.bearerEnvironment, standardInput: Data(#"{"displayName":"From stdin"}"#.utf8))
        stdinHarness.transport.enqueue(BCScript.fixture("customer-created.json", status: 201))
        let fromStdin = await stdinHarness.run(
            BCScript.arguments("create", "customers", "--company", BCScript.companyId, "--file", "-"))
        #expect(fromStdin.code == .success)
        #expect(stdinHarness.transport.requests.first?.jsonBody == ["displayName": "From stdin"])
        #expect(fromStdin.stdout.contains("C00040"))

        let fileHarness = CLIHarness(environment: BCScript.bearerEnvironment)
        let path = try fileHarness.writeInput(#"{"displayName":"From a file"}"#, named: "customer.json")
        fileHarness.transport.enqueue(BCScript.fixture("customer-created.json", status: 201))
        let fromFile = await fileHarness.run(
            BCScript.arguments("create", "customers", "--company", BCScript.companyId, "--file", path))
        #expect(fromFile.code == .success)
        #expect(fileHarness.transport.requests.first?.jsonBody == ["displayName": "From a file"])
    }

    @Test("a body that is not a JSON object, a missing file, or both or neither of --data and --file exit 64")
    func badBodies() async {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        let company = ["--company", BCScript.companyId]
        for extra in [
            ["--data", "not json"], ["--data", "[1, 2]"], ["--file", "/nonexistent/vendorctl/body.json"],
            ["--file", "/dev/zero"],
            ["--data", "{}", "--file", "-"], [],
        ] {
            let run = await harness.run(BCScript.arguments("create", "customers") + company + extra)
            #expect(run.code == .usage, "\(extra)")
        }
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("update sends the ETag byte for byte as If-Match and prints the entity")
    func update() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(BCScript.fixture("item.json"), method: .patch)
        let etag = #"W/"JzE5OzExMjIzMzQ0NTU2Njc3OzAwOyc=""#
        let run = await harness.run(
            BCScript.arguments(
                "update", "items", BCScript.itemId, "--etag", etag, "--data", #"{"unitPrice": 359.99}"#, "--company",
                BCScript.companyId))
        #expect(run.code == .success)
        let request = try #require(harness.transport.requests.first)
        #expect(request.method == .patch)
        #expect(request.headers[.ifMatch] == etag)
        #expect(request.jsonBody == ["unitPrice": 359.99])
        #expect(run.stdout.contains("349.99"))
    }

    @Test("update without --etag is a usage error; a stale ETag (409) exits 65 with the service's code")
    func updateErrors() async {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        let missing = await harness.run(
            BCScript.arguments("update", "items", BCScript.itemId, "--data", "{}", "--company", BCScript.companyId))
        #expect(missing.code == .usage)
        #expect(harness.transport.requests.isEmpty)
        harness.transport.enqueue(BCScript.fixture("error-entity-changed.json", status: 409))
        let stale = await harness.run(
            BCScript.arguments(
                "update", "items", BCScript.itemId, "--etag", "W/\"old\"", "--data", "{}", "--company",
                BCScript.companyId))
        #expect(stale.code == .refused)
        #expect(stale.stderr.contains("Request_EntityChanged"))
        #expect(stale.stderr.split(separator: "\n").count == 1)
    }

    @Test("delete sends If-Match and reports the deletion as text or JSON")
    func delete() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        harness.transport.enqueue(.status(204), method: .delete)
        let run = await harness.run(
            BCScript.arguments("delete", "items", BCScript.itemId, "--etag", "*", "--company", BCScript.companyId))
        #expect(run.code == .success)
        #expect(run.stdout == "Deleted items \(BCScript.itemId).\n")
        #expect(harness.transport.requests.first?.headers[.ifMatch] == "*")
        harness.transport.enqueue(.status(204), method: .delete)
        let json = try await harness.run(
            BCScript.arguments(
                "delete", "items", BCScript.itemId, "--etag", "W/\"x\"", "--company", BCScript.companyId, "--json")
        ).json()
        #expect(json["deleted"] == true)
        #expect(await harness.run(BCScript.arguments("delete", "items", BCScript.itemId)).code == .usage)
    }

    @Test("batch sends the file's operations and lists each result; a failed operation exits 65")
    func batchWithFailure() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        let path = try harness.writeInput(
            try Fixture.text("odyn/batch-request.json"), named: "batch.json")
        harness.transport.enqueue(
            BCScript.fixture("batch-response.json"), method: .post, path: "\(BCScript.apiPath)/$batch")
        let run = await harness.run(BCScript.arguments("batch", path))
        #expect(run.code == .refused)
        #expect(run.stderr == "vendorctl: refused: 1 of 3 batch operations failed\n")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("1") && lines[1].hasSuffix("ok"))
        #expect(lines[3].contains("400") && lines[3].contains("'Wrong Type' is not an option"))
        let sent = try #require(harness.transport.requests.first?.jsonBody?["requests"]?.arrayValue)
        #expect(sent.count == 3)

        harness.transport.enqueue(BCScript.fixture("batch-response.json"), method: .post)
        let json = try await harness.run(BCScript.arguments("batch", path, "--json")).json()
        #expect(json.arrayValue?.map { $0["status"] } == [200, 200, 400])
        #expect(json[2]?["error"]?["code"] == "Unknown")
    }

    @Test("batch from standard input as a bare array, all succeeding, exits 0 and sends Isolation with --transactional")
    func batchSucceeds() async throws {
        let operations = #"[{"id": "a", "method": "GET", "url": "companies"}]"#
        let harness = CLIHarness(environment: BCScript.bearerEnvironment, standardInput: Data(operations.utf8))
        harness.transport.enqueue(
            .json(200, #"{"responses": [{"id": "a", "status": 200, "headers": {}, "body": {"value": []}}]}"#))
        let run = await harness.run(BCScript.arguments("batch", "-", "--transactional"))
        #expect(run.code == .success)
        #expect(harness.transport.requests.first?.headers[HTTPField.Name("Isolation")!] == "snapshot")
    }

    @Test("a batch file that is missing, not JSON or empty is a usage error")
    func badBatchFiles() async throws {
        let harness = CLIHarness(environment: BCScript.bearerEnvironment)
        let garbage = try harness.writeInput("{\"requests\": 12}", named: "garbage.json")
        let empty = try harness.writeInput("[]", named: "empty.json")
        for path in ["/nonexistent/vendorctl/batch.json", garbage, empty] {
            let run = await harness.run(BCScript.arguments("batch", path))
            #expect(run.code == .usage, "\(path)")
        }
        #expect(harness.transport.requests.isEmpty)
    }
}
