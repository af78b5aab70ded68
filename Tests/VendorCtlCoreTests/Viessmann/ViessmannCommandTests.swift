import AuthCore
import Foundation
import Synchronization
import TestSupport
import Testing
import VendorFixtures
import VendorSandbox

@testable import VendorCtlCore

@Suite("vendorctl viessmann against the sandbox over real sockets", .serialized)
struct ViessmannCommandTests {
    /// A free loopback port for the redirect URI.
    static func freePort() throws -> Int {
        let probe = try LoopbackRedirectReceiver()
        defer { probe.stop() }
        return probe.port
    }

    /// Signs in with `login --open-url` (the sandbox's IAM approves at once) and returns the harness.
    static func signedIn(_ sandbox: VendorSandbox) async throws -> (CLIHarness, CLIRun) {
        let harness = CLIHarness(clock: TestClock(now: Date()))
        let login = await harness.run(
            [
                "viessmann", "login", "--client-id", sandbox.viessmann.settings.clientID,
                "--redirect-uri", "http://127.0.0.1:\(try freePort())/callback",
                "--api-url", sandbox.viessmannAPIURL.absoluteString, "--iam-url",
                sandbox.viessmannIAMURL.absoluteString,
                "--open-url", "--timeout", "30",
            ], transport: URLSessionTransport.shared)
        return (harness, login)
    }

    @Test("login prints the authorization URL, captures the redirect and saves tokens (0600) and settings")
    func login() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let (harness, login) = try await Self.signedIn(sandbox)
            #expect(login.code == .success, "\(login.stderr)")
            #expect(login.stderr.contains("/viessmann/iam/authorize?"))
            #expect(login.stderr.contains("code_challenge_method=S256"))
            #expect(login.stdout.contains("signed in (client sandbox-viessmann-client)"))
            let tokens = harness.file("viessmann-tokens.json")
            let mode = try FileManager.default.attributesOfItem(atPath: tokens.path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            let stored = try JSONValue(jsonData: Data(contentsOf: tokens))
            let access = try #require(stored["access_token"]?.stringValue)
            let refresh = try #require(stored["refresh_token"]?.stringValue)
            #expect(!login.allOutput.contains(access))
            #expect(!login.allOutput.contains(refresh))
            let settings = try JSONValue(jsonData: Data(contentsOf: harness.file("viessmann.json")))
            #expect(settings["client_id"] == "sandbox-viessmann-client")
            #expect(settings["access_token"] == nil)
            let code = sandbox.requests(for: .viessmann(.token)).first.map { String(decoding: $0.body, as: UTF8.self) }
            let sentCode = code.flatMap { FormEncoding.decode($0).first { $0.0 == "code" }?.1 } ?? "missing"
            #expect(!login.allOutput.contains(sentCode))
        }
    }

    @Test("installations, devices, features --filter, get, set (validated, read back) and analytics")
    func everyCommand() async throws {
        try await SandboxBackedCommandTests.withServedSandbox { sandbox in
            let (harness, login) = try await Self.signedIn(sandbox)
            #expect(login.code == .success, "\(login.stderr)")
            let transport = URLSessionTransport.shared
            func run(_ arguments: String...) async -> CLIRun {
                await harness.run(["viessmann"] + arguments, transport: transport)
            }
            let installations = await run("installations", "--json")
            #expect(installations.code == .success, "\(installations.stderr)")
            #expect(try installations.json().arrayValue?.count == 2)
            let devices = await run("devices")
            #expect(devices.code == .success, "\(devices.stderr)")
            #expect(devices.stdout.contains("7736100000000001"))
            #expect(devices.stdout.contains("E3_Vitocal_16"))
            let features = await run("features", "--filter", "heating.circuits.0.heating.curve")
            #expect(features.code == .success, "\(features.stderr)")
            #expect(features.stdout.contains("heating.circuits.0.heating.curve.slope"))
            #expect(features.stdout.contains("(* = writable)"))
            #expect(!features.stdout.contains("heating.dhw"))
            let all = await run("features", "--enabled", "--json")
            #expect((try all.json().arrayValue?.count ?? 0) > 40)
            let get = await run("get", "heating.circuits.0.heating.curve.slope")
            #expect(get.code == .success, "\(get.stderr)")
            #expect(get.stdout.contains("setCurve(shift, slope)"))
            #expect(get.stdout.contains("min 0.2; max 3.5; step 0.1"))
            let set = await run("set", "heating.circuits.0.heating.curve.slope", "1.6")
            #expect(set.code == .success, "\(set.stderr)")
            #expect(set.stdout.contains("read back: 1.6"))
            let command = try #require(sandbox.requests(for: .viessmann(.command)).last)
            #expect(String(decoding: command.body, as: UTF8.self) == #"{"shift":0,"slope":1.6}"#)
            let refused = await run("set", "heating.circuits.0.heating.curve.slope", "9")
            #expect(refused.code == .usage)
            #expect(refused.stderr.contains("slope: 9"))
            #expect(refused.stderr.contains("> max 3.5"))
            let readOnly = await run("set", "heating.sensors.temperature.outside", "20")
            #expect(readOnly.code == .usage)
            #expect(sandbox.requests(for: .viessmann(.command)).count == 1)
            let missing = await run("get", "heating.nothing")
            #expect(missing.code == .refused)
            let analytics = await run("analytics", "--json")
            #expect(analytics.code == .success, "\(analytics.stderr)")
            #expect(try analytics.json().arrayValue?.count == 3)
            let badMetric = await run("analytics", "--metric", "gas")
            #expect(badMetric.code == .usage)
            let logout = await run("logout")
            #expect(logout.stdout.contains("signed out"))
            let after = await run("installations")
            #expect(after.code == .authentication)
            #expect(after.stderr.contains("vendorctl viessmann login"))
        }
    }

    @Test("login without a client id, or with a redirect URI that is not on this machine, is a usage error")
    func loginUsage() async {
        let harness = CLIHarness()
        let noID = await harness.run("viessmann", "login")
        #expect(noID.code == .usage)
        #expect(noID.stderr.contains("VIESSMANN_CLIENT_ID"))
        let remote = await harness.run(
            "viessmann", "login", "--redirect-uri", "https://example.com/cb", environment: ["VIESSMANN_CLIENT_ID": "x"])
        #expect(remote.code == .usage)
    }

    @Test("--mock-device serves a captured device offline: features, get, a validated set; mock-devices lists them")
    func mockDevice() async throws {
        let harness = CLIHarness()
        let folder = Fixture.url("viessmann").path
        let list = await harness.run("viessmann", "mock-devices", "--mock-dir", folder)
        #expect(list.code == .success, "\(list.stderr)")
        #expect(list.stdout == "Vitocal250A\nVitopure350\n")
        let mock = ["--mock-device", "Vitocal250A", "--mock-dir", folder]
        let features = await harness.run(["viessmann", "features", "--writable"] + mock)
        #expect(features.code == .success, "\(features.stderr)")
        #expect(features.stdout.contains("heating.circuits.0.heating.curve.slope"))
        #expect(!features.stdout.contains("heating.sensors.temperature.outside"))
        let get = await harness.run(["viessmann", "get", "heating.compressors.0.sensors.temperature.outlet"] + mock)
        #expect(get.stdout.contains("52.1 celsius"))
        let set = await harness.run(["viessmann", "set", "heating.circuits.0.heating.curve.slope", "1.4"] + mock)
        #expect(set.code == .success, "\(set.stderr)")
        #expect(set.stdout.contains(": ok"))
        let refused = await harness.run(
            ["viessmann", "set", "heating.circuits.0.operating.modes.active", "party"] + mock)
        #expect(refused.code == .usage)
        let unknown = await harness.run(["viessmann", "features", "--mock-device", "Nope", "--mock-dir", folder])
        #expect(unknown.code == .usage)
        #expect(unknown.stderr.contains("Vitocal250A, Vitopure350"))
        #expect(harness.transport.requests.isEmpty)
        let noFolder = await harness.run("viessmann", "features", "--mock-device", "Vitocal250A")
        #expect(noFolder.code == .usage)
    }

    @Test("demo viessmann: sign-in, devices, the heating curve set and read back, a refresh and a retried 503")
    func demo() async {
        let run = await CLIHarness().run("demo", "viessmann")
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("✓ sign in"))
        #expect(run.stdout.contains("PKCE (S256) sign-in"))
        #expect(run.stdout.contains("✓ heating curve"))
        #expect(run.stdout.contains("slope 1.3 → 1.4"))
        #expect(run.stdout.contains("read back: 1.4"))
        #expect(run.stdout.contains("slope 5.0 refused before sending: slope maximum"))
        #expect(run.stdout.contains("↻ token expiry"))
        #expect(run.stdout.contains("(2 attempts)"))
        #expect(run.stdout.contains("✓ 1 kit, 6 steps passed in"))
    }
}
