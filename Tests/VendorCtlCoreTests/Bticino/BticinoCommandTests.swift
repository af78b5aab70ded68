import AuthCore
import Foundation
import TestSupport
import Testing
import VendorSandbox

@testable import VendorCtlCore

@Suite("vendorctl bticino against the sandbox over real sockets")
struct BticinoCommandTests {
    static func harness(_ sandbox: VendorSandbox) -> CLIHarness {
        let settings = sandbox.bticino.settings
        return CLIHarness(
            clock: TestClock(now: Date()),
            environment: [
                "BTICINO_CLIENT_SECRET": settings.clientSecret, "BTICINO_PASSWORD": settings.password,
                "BTICINO_USERNAME": settings.username,
            ])
    }

    static func base(_ sandbox: VendorSandbox) -> [String] {
        ["--base-url", sandbox.bticinoBaseURL.absoluteString]
    }

    @Test("login, homes --json, status, open-door, light on, events: one login, the token reused")
    func everyCommand() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let harness = Self.harness(sandbox)
            let transport = URLSessionTransport.shared
            let base = Self.base(sandbox)
            let login = await harness.run(["bticino", "login"] + base, transport: transport)
            #expect(login.code == .success, "\(login.stderr)")
            #expect(login.stdout.contains("tester@example.org"))
            #expect(harness.mode(of: harness.file("bticino-token.json")) == 0o600)

            let homes = await harness.run(["bticino", "homes", "--json"] + base, transport: transport)
            #expect(homes.code == .success, "\(homes.stderr)")
            guard case .array(let list) = try homes.json() else {
                Issue.record("homes --json is not an array")
                return
            }
            #expect(list.count == 2)

            let status = await harness.run(["bticino", "status"] + base, transport: transport)
            #expect(status.code == .success, "\(status.stderr)")
            #expect(status.stdout.contains("locked"))

            let open = await harness.run(["bticino", "open-door"] + base, transport: transport)
            #expect(open.code == .success, "\(open.stderr)")
            #expect(!sandbox.bticino.isLocked)

            let light = await harness.run(["bticino", "light", "on"] + base, transport: transport)
            #expect(light.code == .success, "\(light.stderr)")
            #expect(sandbox.bticino.isLightOn)

            let events = await harness.run(["bticino", "events", "--size", "5"] + base, transport: transport)
            #expect(events.code == .success, "\(events.stderr)")
            #expect(events.stdout.contains("incoming_call"))

            #expect(sandbox.requestCount(for: .bticino(.token)) == 1)
            for run in [login, homes, status, open, light, events] {
                #expect(!run.allOutput.contains(sandbox.bticino.settings.password))
                #expect(!run.allOutput.contains(sandbox.bticino.settings.clientSecret))
                for token in sandbox.bticino.issuedTokens { #expect(!run.allOutput.contains(token)) }
            }
        }
    }

    @Test("watch --count 1 prints the ring that arrives over the websocket")
    func watch() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let harness = Self.harness(sandbox)
            let base = Self.base(sandbox)
            let watcher = Task {
                await harness.run(
                    ["bticino", "watch", "--count", "1", "--json"] + base, transport: URLSessionTransport.shared)
            }
            for _ in 0..<500 where sandbox.bticino.pushConnectionCount == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(sandbox.bticino.ring() == 1)
            let run = await watcher.value
            #expect(run.code == .success, "\(run.stderr)")
            #expect(run.stdout.contains("BNC1-incoming_call"))
            #expect(run.stdout.contains("\"update\":\"subscribed\""))
        }
    }

    @Test("a wrong password is an authentication failure (exit 77); no client secret is a prompt refusal")
    func failures() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            var environment = Self.harness(sandbox).environment
            environment["BTICINO_PASSWORD"] = "wrong"
            let harness = CLIHarness(clock: TestClock(now: Date()), environment: environment)
            let login = await harness.run(
                ["bticino", "login"] + Self.base(sandbox), transport: URLSessionTransport.shared)
            #expect(login.code == .authentication, "\(login.stderr)")
            #expect(login.stderr.contains("vendorctl bticino login"))
            let bare = CLIHarness(clock: TestClock(now: Date()))
            let refused = await bare.run(
                ["bticino", "homes"] + Self.base(sandbox), transport: URLSessionTransport.shared)
            #expect(refused.code == .authentication)
        }
    }

    @Test("sandbox serve's banner names the BTicino base URL, push socket and user, never the secrets")
    func banner() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let banner = SandboxServe.banner(sandbox)
            #expect(banner.contains(sandbox.bticinoBaseURL.absoluteString))
            #expect(banner.contains(sandbox.bticinoPushURL.absoluteString))
            #expect(banner.contains("user \(sandbox.bticino.settings.username)"))
            #expect(!banner.contains(sandbox.bticino.settings.password))
            #expect(!banner.contains(sandbox.bticino.settings.clientSecret))
        }
    }

    @Test("bad arguments are usage errors")
    func usage() async {
        let harness = CLIHarness()
        #expect(await harness.run("bticino", "light", "dim").code == .usage)
        #expect(await harness.run("bticino", "events", "--size", "0").code == .usage)
        #expect(await harness.run("bticino", "watch", "--count", "0").code == .usage)
    }
}
