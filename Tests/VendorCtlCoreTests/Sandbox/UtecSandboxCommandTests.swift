import AuthCore
import Foundation
import Synchronization
import TestSupport
import Testing
import VendorFixtures
import VendorSandbox

@testable import VendorCtlCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Plays the browser for `vendorctl utec login`: reads the authorize address the command printed,
/// lets the sandbox hand out the code its consent page would, and "pastes" the redirect address.
final class UtecBrowserTerminal: VendorCtlTerminal {
    let stderr: VendorCtlCapturedOutput
    let sandbox: VendorSandbox
    let redirect: String

    init(stderr: VendorCtlCapturedOutput, sandbox: VendorSandbox, redirect: String) {
        self.stderr = stderr
        self.sandbox = sandbox
        self.redirect = redirect
    }

    func readLine(prompt: String, echo: Bool) throws -> String? {
        guard !echo, let line = stderr.text.split(separator: "\n").last(where: { $0.hasPrefix("http") }),
            let url = URLComponents(string: String(line)),
            let state = url.queryItems?.first(where: { $0.name == "state" })?.value
        else { return nil }
        let code = sandbox.utec.issueAuthorizationCode(redirectURI: redirect)
        return "\(redirect)?authorization_code=\(code)&state=\(state)"
    }
}

@Suite("vendorctl utec against the sandbox")
struct UtecSandboxCommandTests {
    static let redirect = "http://127.0.0.1:8765/utec/callback"

    /// Runs one command with the sandbox's client secret in the environment and the config in `directory`.
    static func run(
        _ arguments: [String], sandbox: VendorSandbox, directory: URL, extra: [String: String] = [:],
        input: Data = Data(), stderr: VendorCtlCapturedOutput = VendorCtlCapturedOutput()
    ) async -> CLIRun {
        let stdout = VendorCtlCapturedOutput()
        var environment = [
            "UTEC_CLIENT_SECRET": sandbox.utec.settings.clientSecret, "VENDORCTL_CONFIG_DIR": directory.path,
        ]
        environment.merge(extra) { _, new in new }
        let context = VendorCtlContext(
            transport: URLSessionTransport.shared, standardOutput: stdout, standardError: stderr,
            readStandardInput: { input }, environment: environment,
            terminal: UtecBrowserTerminal(stderr: stderr, sandbox: sandbox, redirect: redirect),
            timeSource: TestClock(now: Date()))
        let code = await VendorCtl.run(arguments, context: context)
        return CLIRun(code: code, stdout: stdout.text, stderr: stderr.text)
    }

    @Test("login, devices, query, unlock, switch, light, webhook register/verify, user and logout")
    func everyCommand() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("vendorctl-utec-\(UUID().uuidString)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let base = sandbox.baseURL.absoluteString
            func run(_ arguments: [String], extra: [String: String] = [:], input: Data = Data()) async -> CLIRun {
                await Self.run(arguments, sandbox: sandbox, directory: directory, extra: extra, input: input)
            }
            let login = await run([
                "utec", "login", "--client-id", sandbox.utec.settings.clientId, "--oauth-url", "\(base)/utec/oauth",
                "--base-url", "\(base)/utec/", "--redirect-uri", Self.redirect, "--paste",
            ])
            #expect(login.code == .success, "\(login.stderr)")
            #expect(login.stdout.contains("openapi"))
            let tokenFile = directory.appendingPathComponent("utec-token.json")
            #expect(FileManager.default.fileExists(atPath: tokenFile.path))

            let devices = await run(["utec", "devices", "--json"])
            #expect(devices.code == .success, "\(devices.stderr)")
            let list = try devices.json().arrayValue ?? []
            #expect(list.count == 3)
            let table = await run(["utec", "devices"])
            #expect(table.stdout.contains("Back Gate") && table.stdout.contains("Locked"))

            let lockID = try #require(sandbox.utec.deviceId(handleTypeContaining: "lock"))
            let lightID = try #require(sandbox.utec.deviceId(handleTypeContaining: "light"))
            let switchID = try #require(sandbox.utec.deviceId(handleTypeContaining: "switch"))
            let unlock = await run(["utec", "unlock", lockID])
            #expect(unlock.code == .success, "\(unlock.stderr)")
            #expect(unlock.stdout.contains("result after 20 s"))
            await sandbox.utec.completePendingCommands()
            let query = await run(["utec", "query", lockID, "--json"])
            #expect(query.code == .success, "\(query.stderr)")
            #expect(query.stdout.contains("Unlocked"))

            let off = await run(["utec", "switch", switchID, "off"])
            #expect(off.code == .success, "\(off.stderr)")
            let light = await run(["utec", "light", lightID, "--brightness", "40", "--json"])
            #expect(light.code == .success, "\(light.stderr)")
            let badLight = await run(["utec", "light", lightID, "--color-temperature", "9000"])
            #expect(badLight.code == .usage, "\(badLight.stderr)")
            let notALock = await run(["utec", "lock", lightID])
            #expect(notALock.code == .usage, "\(notALock.stderr)")
            let unknown = await run(["utec", "lock", "00:00:00:00:00:00"])
            #expect(unknown.code == .refused)

            let hookSecret = "hook-secret-7f7f7f"
            let register = await run(
                ["utec", "webhook", "register", "https://hooks.example.test/utec"],
                extra: ["UTEC_WEBHOOK_SECRET": hookSecret])
            #expect(register.code == .success, "\(register.stderr)")
            #expect(sandbox.utec.webhookURL?.absoluteString == "https://hooks.example.test/utec")
            let body = try Fixture.data("utec/notification-device-state.json")
            let verified = await run(
                ["utec", "webhook", "verify", "-", "--json"],
                extra: ["UTEC_WEBHOOK_SECRET": hookSecret, "UTEC_WEBHOOK_AUTHORIZATION": "Bearer \(hookSecret)"],
                input: body)
            #expect(verified.code == .success, "\(verified.stderr)")
            #expect(try verified.json()["accepted"] == .bool(true))
            let forged = await run(
                ["utec", "webhook", "verify", "-"],
                extra: ["UTEC_WEBHOOK_SECRET": hookSecret, "UTEC_WEBHOOK_AUTHORIZATION": "Bearer forged"], input: body)
            #expect(forged.code == .refused)
            #expect(forged.stdout.contains("403"))

            let user = await run(["utec", "user"])
            #expect(user.code == .success && user.stdout.contains("user-0001"), "\(user.stderr)")
            sandbox.utec.invalidateAccessTokens()
            let refreshed = await run(["utec", "user", "--json"])
            #expect(refreshed.code == .success, "\(refreshed.stderr)")

            let logout = await run(["utec", "logout"])
            #expect(logout.code == .success, "\(logout.stderr)")
            let after = await run(["utec", "devices"])
            #expect(after.code == .authentication)
            #expect(after.stderr.contains("vendorctl utec login"))
            for output in [login, devices, table, unlock, query, light, user, refreshed, verified, forged, after] {
                #expect(!output.allOutput.contains(sandbox.utec.settings.clientSecret))
                #expect(!output.allOutput.contains("utec-at-"))
                #expect(!output.allOutput.contains("utec-rt-"))
                #expect(!output.allOutput.contains(hookSecret))
            }
        }
    }
}

@Suite("vendorctl utec login catching the redirect")
struct UtecLoginRedirectTests {
    @Test("login on a loopback redirect URI: the browser's redirect is caught, the code exchanged, the token saved")
    func caughtRedirect() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("vendorctl-utec-\(UUID().uuidString)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let base = sandbox.baseURL.absoluteString
            let stderr = VendorCtlCapturedOutput()
            let login = Task {
                await UtecSandboxCommandTests.run(
                    [
                        "utec", "login", "--client-id", sandbox.utec.settings.clientId, "--oauth-url",
                        "\(base)/utec/oauth", "--base-url", "\(base)/utec/", "--redirect-uri",
                        "http://127.0.0.1:0/utec/callback", "--wait", "20",
                    ], sandbox: sandbox, directory: directory, stderr: stderr)
            }
            var address: URL?
            for _ in 0..<400 where address == nil {
                address = stderr.text.split(separator: "\n").first { $0.hasPrefix("http") }.flatMap {
                    URL(string: String($0))
                }
                if address == nil { try await Task.sleep(for: .milliseconds(10)) }
            }
            let authorize = try #require(address)
            // The browser: follows U-Tec's 302 to the redirect URI the command listens on.
            let (page, response) = try await URLSession.shared.data(from: authorize)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(!page.isEmpty)
            let run = await login.value
            #expect(run.code == .success, "\(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("utec-token.json").path))
            let devices = await UtecSandboxCommandTests.run(
                ["utec", "devices"], sandbox: sandbox, directory: directory)
            #expect(devices.code == .success, "\(devices.stderr)")
            #expect(!run.allOutput.contains("utec-code-"))
        }
    }
}

@Suite("vendorctl demo utec")
struct UtecDemoCommandTests {
    @Test("demo utec: sign-in, devices, webhook, unlock with its notification, a refresh, a retried 503, offline")
    func demo() async throws {
        let run = await CLIHarness().run("demo", "utec")
        #expect(run.code == .success, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("acknowledged (result after 20 s) → re-queried → Unlocked"))
        #expect(run.stdout.contains("1 DeviceState notification received and merged"))
        #expect(run.stdout.contains("battery High kept"))
        #expect(run.stdout.contains("INVALID_TOKEN inside HTTP 200 → refreshed (1 token request)"))
        #expect(run.stdout.contains("(2 attempts)"))
        #expect(run.stdout.contains("DEVICE_OFFLINE for Porch Switch"))
        #expect(run.stdout.contains("✓ 1 kit, 8 steps passed in"))
        #expect(!run.allOutput.contains("sandbox-utec-secret"))
        #expect(!run.allOutput.contains("utec-at-"))
    }
}
