import AuthCore
import Foundation
import TestSupport
import Testing
import VendorCtlCore

@Suite("vendorctl flowerhub login and logout")
struct FlowerhubLoginTests {
    @Test("login with FLOWERHUB_PASSWORD saves the session cookies in a 0600 file in a 0700 folder")
    func loginSavesSession() async throws {
        let harness = CLIHarness()
        harness.transport.enqueue(FlowerhubScript.login, method: .post, path: "/auth/login")
        let run = await harness.run(
            "flowerhub", "login", "--username", "kim@example.se", environment: ["FLOWERHUB_PASSWORD": Canary.password])
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("kim@example.se"))
        #expect(run.stdout.contains("40123"))
        let request = try #require(harness.transport.requests.first)
        #expect(request.jsonBody == ["username": "kim@example.se", "password": .string(Canary.password)])
        let file = harness.file("flowerhub-session.json")
        #expect(harness.mode(of: file) == 0o600)
        #expect(harness.mode(of: harness.configDirectory) == 0o700)
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains(Canary.accessCookie))
        #expect(saved.contains(Canary.refreshCookie))
        #expect(!saved.contains(Canary.password))
        for secret in [Canary.password, Canary.accessCookie, Canary.refreshCookie] {
            #expect(!run.allOutput.contains(secret))
        }
    }

    @Test("login --json prints one JSON document without secrets")
    func loginJSON() async throws {
        let harness = CLIHarness()
        harness.transport.enqueue(FlowerhubScript.login, method: .post, path: "/auth/login")
        let run = await harness.run(
            "flowerhub", "login", "--username", "kim@example.se", "--json",
            environment: ["FLOWERHUB_PASSWORD": Canary.password])
        #expect(run.code == .success)
        let json = try run.json()
        #expect(json["username"] == "kim@example.se")
        #expect(json["assetOwnerId"] == 40123)
        #expect(json["baseURL"] == "https://api.portal.flowerhub.se")
        #expect(json["refreshTokenExpirationDate"] == "2026-04-02T09:14:27.512Z")
        for secret in [Canary.password, Canary.accessCookie, Canary.refreshCookie] {
            #expect(!run.stdout.contains(secret))
        }
    }

    @Test("the user name and password are asked for, the password without echo, and never printed")
    func promptsWithoutEcho() async throws {
        let terminal = ScriptedTerminal(answers: ["kim@example.se", Canary.password])
        let harness = CLIHarness(terminal: terminal)
        harness.transport.enqueue(FlowerhubScript.login, method: .post, path: "/auth/login")
        let run = await harness.run("flowerhub", "login")
        #expect(run.code == .success)
        #expect(terminal.prompts.map(\.echo) == [true, false])
        #expect(terminal.prompts.last?.text.contains("password") == true)
        #expect(harness.transport.requests.first?.jsonBody?["password"] == .string(Canary.password))
        #expect(!run.allOutput.contains(Canary.password))
        let saved = try String(contentsOf: harness.file("flowerhub-session.json"), encoding: .utf8)
        #expect(!saved.contains(Canary.password))
    }

    @Test("without FLOWERHUB_PASSWORD and without a terminal, login fails with 77 and sends nothing")
    func noPasswordSource() async {
        let harness = CLIHarness()
        let run = await harness.run("flowerhub", "login", "--username", "kim@example.se")
        #expect(run.code == .authentication)
        #expect(run.code.rawValue == 77)
        #expect(run.stderr.contains("FLOWERHUB_PASSWORD"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("a refused login exits 77 with the typed reason and writes no session file")
    func refusedLogin() async {
        let harness = CLIHarness()
        harness.transport.enqueue(FlowerhubScript.fixture("error-401.json", status: 401), path: "/auth/login")
        let run = await harness.run(
            "flowerhub", "login", "--username", "kim@example.se", environment: ["FLOWERHUB_PASSWORD": Canary.password])
        #expect(run.code == .authentication)
        #expect(run.stderr.hasPrefix("vendorctl: authentication: APIError.authenticationFailed"))
        #expect(run.stdout.isEmpty)
        #expect(!run.allOutput.contains(Canary.password))
        #expect(!FileManager.default.fileExists(atPath: harness.file("flowerhub-session.json").path))
    }

    @Test("a portal that cannot be reached exits 69")
    func unreachablePortal() async {
        let harness = CLIHarness()
        harness.transport.enqueue(.failure(.cannotConnectToHost), path: "/auth/login")
        let run = await harness.run(
            "flowerhub", "login", "--username", "kim@example.se", environment: ["FLOWERHUB_PASSWORD": Canary.password])
        #expect(run.code == .network)
        #expect(run.stderr.hasPrefix("vendorctl: network: "))
    }

    @Test("a loopback portal that is down (connection refused) exits 69 through the real URLSession transport")
    func loopbackDown() async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 500) }
        let url = server.baseURL.absoluteString
        server.stop()
        let harness = CLIHarness(clock: TestClock())
        let run = await harness.run(
            ["flowerhub", "login", "--username", "kim@example.se", "--base-url", url],
            environment: ["FLOWERHUB_PASSWORD": Canary.password], transport: URLSessionTransport.shared)
        #expect(run.code == .network)
        #expect(run.stderr.contains("network"))
        #expect(!run.allOutput.contains(Canary.password))
    }

    @Test("a plain-http base URL off loopback and a URL with credentials are usage errors that echo nothing")
    func badBaseURLs() async {
        let harness = CLIHarness()
        let insecure = await harness.run(
            ["flowerhub", "login", "--username", "k@example.se", "--base-url", "http://portal.example.com"],
            environment: ["FLOWERHUB_PASSWORD": Canary.password])
        #expect(insecure.code == .usage)
        let withCredentials = await harness.run(
            "flowerhub", "login", "--base-url", "https://kim:\(Canary.password)@portal.example.com")
        #expect(withCredentials.code == .usage)
        #expect(!withCredentials.allOutput.contains(Canary.password))
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("logout removes the session file; a second logout says there is none")
    func logout() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        let first = await harness.run("flowerhub", "logout")
        #expect(first.code == .success)
        #expect(first.stdout.hasPrefix("Signed out"))
        #expect(!FileManager.default.fileExists(atPath: harness.file("flowerhub-session.json").path))
        let second = await harness.run("flowerhub", "logout", "--json")
        #expect(second.code == .success)
        #expect(try second.json()["removed"] == false)
        let status = await harness.run("flowerhub", "status")
        #expect(status.code == .authentication)
    }
}
