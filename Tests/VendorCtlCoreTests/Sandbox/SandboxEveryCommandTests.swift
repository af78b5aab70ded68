import AuthCore
import Foundation
import TestSupport
import Testing
import VendorSandbox

@testable import VendorCtlCore

/// The subcommands the other sandbox tests do not reach, each run once against the sandbox over
/// real sockets: exit code, output that parses, no secret printed.
@Suite("every vendorctl subcommand against the sandbox")
struct SandboxEveryCommandTests {
    @Test("flowerhub readout, consumption, agreement, uptime, watch and logout")
    func flowerhubCommands() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let account = sandbox.flowerhub.settings
            let harness = SandboxBackedCommandTests.harness(["FLOWERHUB_PASSWORD": account.password])
            let transport = URLSessionTransport.shared
            let base = sandbox.flowerhubBaseURL.absoluteString
            let login = await harness.run(
                ["flowerhub", "login", "--base-url", base, "--username", account.username], transport: transport)
            #expect(login.code == .success, "\(login.stderr)")
            var runs = [login]
            for command in [["readout"], ["consumption"], ["agreement"], ["uptime", "--months"]] {
                let run = await harness.run(["flowerhub"] + command + ["--json"], transport: transport)
                #expect(run.code == .success, "\(command): \(run.stderr)")
                #expect((try? run.json()) != nil, "\(command) --json does not parse: \(run.stdout)")
                let table = await harness.run(["flowerhub"] + command, transport: transport)
                #expect(table.code == .success, "\(command): \(table.stderr)")
                #expect(!table.stdout.isEmpty)
                runs += [run, table]
            }
            let watch = await harness.run(["flowerhub", "watch", "--count", "1"], transport: transport)
            #expect(watch.code == .success, "\(watch.stderr)")
            #expect(watch.stdout.split(separator: "\n").count >= 1)
            let logout = await harness.run(["flowerhub", "logout"], transport: transport)
            #expect(logout.code == .success, "\(logout.stderr)")
            let afterLogout = await harness.run(
                ["flowerhub", "status"], environment: ["FLOWERHUB_PASSWORD": ""], transport: transport)
            #expect(afterLogout.code == .authentication, "\(afterLogout.stderr)")
            for run in runs + [watch, logout, afterLogout] {
                #expect(!run.allOutput.contains(account.password))
                for cookie in sandbox.flowerhub.issuedSecrets { #expect(!run.allOutput.contains(cookie)) }
            }
        }
    }

    @Test("bc companies, create, delete, batch and logout")
    func businessCentralCommands() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let secret = sandbox.entra.settings.clientSecret
            let harness = SandboxBackedCommandTests.harness(["BC_CLIENT_SECRET": secret])
            let options = SandboxBackedCommandTests.bcOptions(sandbox)
            // Commands that work across companies take no --company.
            let connection = Array(options.dropLast(2))
            let transport = URLSessionTransport.shared
            let companies = await harness.run(["bc", "companies", "--json"] + connection, transport: transport)
            #expect(companies.code == .success, "\(companies.stderr)")
            #expect((try? companies.json()) != nil)

            let created = await harness.run(
                ["bc", "create", "customers", "--data", #"{"displayName":"Demo Customer AB"}"#, "--json"] + options,
                transport: transport)
            #expect(created.code == .success, "\(created.stderr)")
            let customer = try created.json()
            let id = try #require(customer["id"]?.stringValue)
            let etag = try #require(customer["@odata.etag"]?.stringValue)
            #expect(customer["displayName"] == .string("Demo Customer AB"))

            let deleted = await harness.run(
                ["bc", "delete", "customers", id, "--etag", etag] + options, transport: transport)
            #expect(deleted.code == .success, "\(deleted.stderr)")
            let gone = await harness.run(["bc", "get", "customers", "--id", id] + options, transport: transport)
            #expect(gone.code == .refused, "\(gone.stderr)")

            let batchFile = harness.directory.appendingPathComponent("batch.json")
            let company = sandbox.businessCentral.companyId
            let batch = #"{"requests":[{"id":"1","method":"GET","url":"companies(\#(company))/items?$top=2"}]}"#
            try FileManager.default.createDirectory(at: harness.directory, withIntermediateDirectories: true)
            try Data(batch.utf8).write(to: batchFile)
            let batched = await harness.run(
                ["bc", "batch", batchFile.path, "--json"] + connection, transport: transport)
            #expect(batched.code == .success, "\(batched.stderr)")
            #expect((try? batched.json()) != nil)

            let logout = await harness.run(["bc", "logout"], transport: transport)
            #expect(logout.code == .success, "\(logout.stderr)")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: harness.configDirectory.path)) ?? []
            #expect(left.allSatisfy { !$0.hasPrefix("bc-token-") }, "\(left)")
            for run in [companies, created, deleted, gone, batched, logout] {
                #expect(!run.allOutput.contains(secret))
                for token in sandbox.entra.issuedTokens { #expect(!run.allOutput.contains(token)) }
            }
        }
    }
}
