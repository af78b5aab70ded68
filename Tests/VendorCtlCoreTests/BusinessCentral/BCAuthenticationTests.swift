import AuthCore
import Foundation
import TestSupport
import Testing
import VendorCtlCore

@Suite("vendorctl bc credentials and the token file")
struct BCAuthenticationTests {
    private func clientCredentials(_ extra: String...) -> [String] {
        BCScript.arguments("companies", "--client-id", "app-1", "--tenant", BCScript.tenant) + extra
    }

    @Test("client credentials fetch a token once and cache it in a 0600 file; the next run needs no secret")
    func tokenIsCached() async throws {
        let harness = CLIHarness()
        harness.transport.enqueue(BCScript.fixture("token-response.json"), method: .post, path: BCScript.tokenPath)
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        let first = await harness.run(clientCredentials(), environment: ["BC_CLIENT_SECRET": BCScript.clientSecret])
        #expect(first.code == .success)
        let tokenRequest = try #require(harness.transport.requests.first)
        #expect(tokenRequest.formFields["client_secret"] == BCScript.clientSecret)
        #expect(tokenRequest.formFields["grant_type"] == "client_credentials")
        #expect(
            harness.transport.requests.last?.headers[.authorization]
                == "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.FAKE.PAYLOAD")
        let files = try FileManager.default.contentsOfDirectory(atPath: harness.configDirectory.path)
            .filter { $0.hasPrefix("bc-token-") }
        #expect(files.count == 1)
        let file = harness.file(try #require(files.first))
        #expect(harness.mode(of: file) == 0o600)
        #expect(harness.mode(of: harness.configDirectory) == 0o700)
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(BCScript.clientSecret))
        #expect(!first.allOutput.contains(BCScript.clientSecret))
        #expect(!first.allOutput.contains("FAKE.PAYLOAD"))

        // No secret in the environment and no terminal: the cached token is enough.
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        let second = await harness.run(clientCredentials())
        #expect(second.code == .success)
        #expect(harness.transport.requests(to: BCScript.tokenPath).count == 1)
        #expect(harness.terminal.prompts.isEmpty)
    }

    @Test("the client secret is asked for without echo when it is not in the environment, and never printed")
    func secretPrompt() async throws {
        let terminal = ScriptedTerminal(answers: [BCScript.clientSecret])
        let harness = CLIHarness(terminal: terminal)
        harness.transport.enqueue(BCScript.fixture("token-response.json"), method: .post, path: BCScript.tokenPath)
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        let run = await harness.run(clientCredentials("--json"))
        #expect(run.code == .success)
        #expect(terminal.prompts == [ScriptedTerminal.Prompt(text: "Client secret for app-1: ", echo: false)])
        #expect(harness.transport.requests.first?.formFields["client_secret"] == BCScript.clientSecret)
        #expect(!run.allOutput.contains(BCScript.clientSecret))
        #expect(try run.json().arrayValue?.count == 1)
    }

    @Test("without a secret source nothing is sent and the exit code is 77")
    func noSecret() async {
        let harness = CLIHarness()
        let run = await harness.run(clientCredentials())
        #expect(run.code == .authentication)
        #expect(run.stderr.contains("BC_CLIENT_SECRET"))
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("a secret Entra ID refuses (invalid_client) exits 77 and the secret is not printed")
    func refusedSecret() async {
        let harness = CLIHarness(environment: ["BC_CLIENT_SECRET": BCScript.clientSecret])
        harness.transport.enqueue(
            BCScript.fixture("token-error-invalid-client.json", status: 401), method: .post, path: BCScript.tokenPath)
        let run = await harness.run(clientCredentials())
        #expect(run.code == .authentication)
        #expect(run.stderr.contains("invalid_client"))
        #expect(!run.allOutput.contains(BCScript.clientSecret))
    }

    @Test("a damaged token file exits 77 without printing it; bc logout removes it and a new token is fetched")
    func corruptTokenFile() async throws {
        let harness = CLIHarness(environment: ["BC_CLIENT_SECRET": BCScript.clientSecret])
        harness.transport.enqueue(BCScript.fixture("token-response.json"), method: .post, path: BCScript.tokenPath)
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        #expect(await harness.run(clientCredentials()).code == .success)
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: harness.configDirectory.path).first {
                $0.hasPrefix("bc-token-")
            })
        try harness.write("{\"access_token\": \"half-written-canary", to: name)
        let damaged = await harness.run(clientCredentials())
        #expect(damaged.code == .authentication)
        #expect(damaged.stderr.contains(name))
        #expect(!damaged.allOutput.contains("half-written-canary"))

        let logout = await harness.run("bc", "logout", "--json")
        #expect(logout.code == .success)
        #expect(try logout.json()["removed"]?.arrayValue?.count == 1)
        harness.transport.enqueue(BCScript.fixture("token-response.json"), method: .post, path: BCScript.tokenPath)
        harness.transport.enqueue(BCScript.fixture("companies.json"), path: "\(BCScript.apiPath)/companies")
        #expect(await harness.run(clientCredentials()).code == .success)
        #expect(await harness.run("bc", "logout").stdout.hasPrefix("Removed "))
        #expect(await harness.run("bc", "logout").stdout == "No cached Business Central tokens.\n")
    }

    @Test("--authority-host points the token request at another issuer (a loopback sandbox)")
    func loopbackAuthority() async throws {
        let harness = CLIHarness(environment: ["BC_CLIENT_SECRET": BCScript.clientSecret])
        harness.transport.enqueue(BCScript.fixture("token-response.json"), method: .post, path: BCScript.tokenPath)
        harness.transport.enqueue(BCScript.fixture("companies.json"))
        let run = await harness.run(
            [
                "bc", "companies", "--base-url", "http://127.0.0.1:8089/api/v2.0/", "--client-id", "app-1", "--tenant",
                BCScript.tenant, "--authority-host", "http://127.0.0.1:8089",
            ])
        #expect(run.code == .success)
        let token = try #require(harness.transport.requests.first)
        #expect(token.url.absoluteString == "http://127.0.0.1:8089\(BCScript.tokenPath)")
        #expect(harness.transport.requests.last?.url.absoluteString == "http://127.0.0.1:8089/api/v2.0/companies")
    }

    @Test("basic authentication takes BC_USERNAME with BC_WEB_SERVICE_KEY")
    func basicAuthentication() async throws {
        let harness = CLIHarness(environment: ["BC_USERNAME": "svc", "BC_WEB_SERVICE_KEY": "wsk-canary-1"])
        harness.transport.enqueue(BCScript.fixture("companies.json"))
        let run = await harness.run(BCScript.arguments("companies"))
        #expect(run.code == .success)
        let expected = "Basic " + Data("svc:wsk-canary-1".utf8).base64EncodedString()
        #expect(harness.transport.requests.first?.headers[.authorization] == expected)
        #expect(!run.allOutput.contains("wsk-canary-1"))
    }

    @Test("no credentials exits 77; --client-id without a tenant exits 64; nothing is sent")
    func missingCredentials() async {
        let harness = CLIHarness()
        let none = await harness.run(BCScript.arguments("companies"))
        #expect(none.code == .authentication)
        #expect(none.stderr.contains("BC_TOKEN"))
        let noTenant = await harness.run(BCScript.arguments("companies", "--client-id", "app-1"))
        #expect(noTenant.code == .usage)
        #expect(harness.transport.requests.isEmpty)
    }
}
