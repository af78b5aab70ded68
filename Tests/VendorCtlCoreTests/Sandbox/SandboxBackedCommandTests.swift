import AuthCore
import Foundation
import Synchronization
import TestSupport
import Testing
import VendorSandbox

@testable import VendorCtlCore

@Suite("vendorctl commands against the sandbox over real sockets")
struct SandboxBackedCommandTests {
    /// A harness whose commands go over URLSession, on a clock at real time (the sandbox's cookies
    /// and tokens expire on real time).
    static func harness(_ environment: [String: String] = [:]) -> CLIHarness {
        CLIHarness(clock: TestClock(now: Date()), environment: environment)
    }

    /// Runs `body` against the sandbox `vendorctl sandbox serve` serves in-process.
    static func withServedSandbox(_ body: @escaping @Sendable (VendorSandbox) async throws -> Void) async throws {
        let context = VendorCtlContext(
            transport: URLSessionTransport.shared, standardOutput: VendorCtlCapturedOutput(),
            standardError: VendorCtlCapturedOutput(), terminal: ScriptedTerminal())
        let failure = Mutex<(any Error)?>(nil)
        try await SandboxServe(port: 0, host: "127.0.0.1").serve(context) { sandbox in
            do { try await body(sandbox) } catch { failure.withLock { $0 = error } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    @Test("flowerhub login with the password from the environment, then status and invoices --json")
    func flowerhubLoginStatusInvoices() async throws {
        try await Self.withServedSandbox { sandbox in
            let account = sandbox.flowerhub.settings
            let harness = Self.harness(["FLOWERHUB_PASSWORD": account.password])
            let base = sandbox.flowerhubBaseURL.absoluteString
            let transport = URLSessionTransport.shared
            let login = await harness.run(
                ["flowerhub", "login", "--base-url", base, "--username", account.username], transport: transport)
            #expect(login.code == .success, "\(login.stderr)")
            #expect(login.stdout.contains(account.username))

            let status = await harness.run(["flowerhub", "status", "--json"], transport: transport)
            #expect(status.code == .success, "\(status.stderr)")
            let statusDocument = try status.json()
            #expect(statusDocument["assetId"]?.intValue == sandbox.flowerhub.assetId)

            let invoices = await harness.run(["flowerhub", "invoices", "--json"], transport: transport)
            #expect(invoices.code == .success, "\(invoices.stderr)")
            guard case .array(let list) = try invoices.json() else {
                Issue.record("invoices --json is not an array: \(invoices.stdout)")
                return
            }
            #expect(list.count == 2)
            #expect(sandbox.requestCount(for: .flowerhub(.login)) == 1)
            for run in [login, status, invoices] {
                #expect(!run.allOutput.contains(account.password))
                for cookie in sandbox.flowerhub.issuedSecrets { #expect(!run.allOutput.contains(cookie)) }
            }
        }
    }

    /// The `bc` options that reach the sandbox with client credentials.
    static func bcOptions(_ sandbox: VendorSandbox) -> [String] {
        let entra = sandbox.entra.settings
        return [
            "--base-url", sandbox.businessCentralBaseURL.absoluteString, "--tenant", entra.tenantId,
            "--client-id", entra.clientId, "--authority-host", sandbox.entraAuthorityURL.absoluteString,
            "--company", sandbox.businessCentral.companyId,
        ]
    }

    @Test("bc get customers with --filter and --top --json; bc update with the ETag, then the stale ETag refused")
    func businessCentralGetAndUpdate() async throws {
        try await Self.withServedSandbox { sandbox in
            let harness = Self.harness(["BC_CLIENT_SECRET": sandbox.entra.settings.clientSecret])
            let options = Self.bcOptions(sandbox)
            let transport = URLSessionTransport.shared
            let get = await harness.run(
                ["bc", "get", "customers", "--filter", "currencyCode eq 'SEK'", "--top", "4", "--json"] + options,
                transport: transport)
            #expect(get.code == .success, "\(get.stderr)")
            guard case .array(let customers) = try get.json() else {
                Issue.record("not an array: \(get.stdout)")
                return
            }
            #expect(customers.count == 4)
            #expect(customers.allSatisfy { $0["currencyCode"] == .string("SEK") })
            let filter = try #require(sandbox.requests(for: .businessCentral(.customers)).first)
            #expect(filter.queryValue("$filter") == "currencyCode eq 'SEK'")
            #expect(filter.queryValue("$top") == "4")

            let item = await harness.run(
                ["bc", "get", "items", "--top", "1", "--json"] + options, transport: transport)
            guard case .array(let items) = try item.json(), case .string(let id)? = items.first?["id"],
                case .string(let etag)? = items.first?["@odata.etag"]
            else {
                Issue.record("no item: \(item.stdout)")
                return
            }
            let update = await harness.run(
                ["bc", "update", "items", id, "--etag", etag, "--data", #"{"displayName":"Renamed"}"#, "--json"]
                    + options, transport: transport)
            #expect(update.code == .success, "\(update.stderr)")
            #expect(try update.json()["displayName"] == .string("Renamed"))
            #expect(sandbox.requests(for: .businessCentral(.items).method("PATCH")).first?.header("If-Match") == etag)

            let stale = await harness.run(
                ["bc", "update", "items", id, "--etag", etag, "--data", #"{"displayName":"Lost"}"#] + options,
                transport: transport)
            #expect(stale.code == .refused)
            #expect(stale.stderr.hasPrefix("vendorctl: refused:"))
            #expect(sandbox.requestCount(for: .entra(.token)) == 1)
            for run in [get, item, update, stale] {
                #expect(!run.allOutput.contains(sandbox.entra.settings.clientSecret))
                for token in sandbox.entra.issuedTokens { #expect(!run.allOutput.contains(token)) }
            }
        }
    }

    @Test("a sandbox that is down: flowerhub and bc commands exit 69 (network)")
    func sandboxDown() async throws {
        let sandbox = try await VendorSandbox.start()
        await sandbox.stop()
        let account = sandbox.flowerhub.settings
        let harness = Self.harness([
            "FLOWERHUB_USERNAME": account.username, "FLOWERHUB_PASSWORD": account.password,
            "BC_CLIENT_SECRET": sandbox.entra.settings.clientSecret,
        ])
        let transport = URLSessionTransport.shared
        let status = await harness.run(
            ["flowerhub", "status", "--base-url", sandbox.flowerhubBaseURL.absoluteString], transport: transport)
        #expect(status.code == .network)
        #expect(status.stderr.hasPrefix("vendorctl: network:"))
        let companies = await harness.run(["bc", "get", "customers"] + Self.bcOptions(sandbox), transport: transport)
        #expect(companies.code == .network, "\(companies.stderr)")
        for run in [status, companies] {
            #expect(!run.allOutput.contains(account.password))
            #expect(!run.allOutput.contains(sandbox.entra.settings.clientSecret))
        }
    }
}
