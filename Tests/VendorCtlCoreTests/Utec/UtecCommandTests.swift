import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import VendorCtlCore

@Suite("vendorctl utec in-process")
struct UtecCommandTests {
    static let token = ["UTEC_ACCESS_TOKEN": "host-token-abc123"]

    @Test("devices with UTEC_ACCESS_TOKEN: one discovery and one batched query, a table and --json")
    func devices() async throws {
        let harness = CLIHarness(environment: Self.token)
        harness.transport.enqueue(.fixture(200, "utec/discovery.json"), path: "/action")
        harness.transport.enqueue(.fixture(200, "utec/query.json"), path: "/action")
        let run = await harness.run("utec", "devices")
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("Back Gate") && run.stdout.contains("Locked, battery High, door Closed"))
        #expect(run.stdout.contains("on, 80 %, 3000 K"))
        #expect(harness.transport.requests.first?.headers[.authorization] == "Bearer host-token-abc123")
        harness.transport.enqueue(.fixture(200, "utec/discovery.json"), path: "/action")
        harness.transport.enqueue(.fixture(200, "utec/device-error.json"), path: "/action")
        let json = await harness.run("utec", "query", "--json")
        #expect(json.code == .success, "\(json.stderr)")
        #expect(try json.json()["failures"]?[0]?["code"] == "DEVICE_OFFLINE")
        #expect(!run.allOutput.contains("host-token-abc123"))
    }

    @Test("without a login the command asks for one")
    func noLogin() async {
        let run = await CLIHarness().run("utec", "devices")
        #expect(run.code == .authentication)
        #expect(run.stderr.contains("vendorctl utec login"))
    }

    @Test("a damaged login file is an authentication failure, not a crash")
    func damagedLogin() async throws {
        let harness = CLIHarness()
        try harness.write(#"{"format":1,"clientId":""}"#, to: "utec-login.json")
        let run = await harness.run("utec", "devices")
        #expect(run.code == .authentication, "\(run.stderr)")
        try harness.write(
            #"{"format":9,"clientId":"a","redirectURI":"x","apiBaseURL":"https://a.test","authorizeURL":"https://a.test","tokenURL":"https://a.test"}"#,
            to: "utec-login.json")
        #expect(await harness.run("utec", "devices").code == .authentication)
    }

    @Test("INVALID_TOKEN from a host-supplied token that stays the same ends with the sign-in hint")
    func invalidToken() async {
        let harness = CLIHarness(environment: Self.token)
        harness.transport.enqueue(.fixture(200, "utec/error-invalid-token.json"), path: "/action")
        harness.transport.enqueue(.fixture(200, "utec/error-invalid-token.json"), path: "/action")
        let run = await harness.run("utec", "user")
        #expect(run.code == .authentication, "\(run.stderr)")
    }

    @Test("argument checks: light --off with a level, a bad colour, switch to something else, no secret options")
    func usage() async {
        let harness = CLIHarness(environment: Self.token)
        #expect(await harness.run("utec", "light", "x", "--off", "--brightness", "5").code == .usage)
        #expect(await harness.run("utec", "light", "x", "--color", "1,2").code == .usage)
        #expect(await harness.run("utec", "light", "x", "--color", "1,2,300").code == .usage)
        #expect(await harness.run("utec", "switch", "x", "dim").code == .usage)
        #expect(await harness.run("utec", "login", "--client-secret", "s3cret").code == .usage)
        #expect(await harness.run("utec", "login").code == .usage)
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("webhook verify: a forged secret is refused, the right one accepted; body from a file")
    func webhookVerify() async throws {
        let harness = CLIHarness(environment: ["UTEC_WEBHOOK_SECRET": "hook-secret-1"])
        let path = try harness.writeInput(
            String(decoding: try Fixture.data("utec/notification-bare-array.json"), as: UTF8.self), named: "push.json")
        let good = await harness.run(
            ["utec", "webhook", "verify", path], environment: ["UTEC_WEBHOOK_AUTHORIZATION": "Bearer hook-secret-1"])
        #expect(good.code == .success, "\(good.stderr)")
        #expect(good.stdout.contains("lockState = Unlocked"))
        let forged = await harness.run(
            ["utec", "webhook", "verify", path, "--json"], environment: ["UTEC_WEBHOOK_AUTHORIZATION": "Bearer nope"])
        #expect(forged.code == .refused)
        #expect(try forged.json()["status"] == 403)
        #expect(!forged.allOutput.contains("hook-secret-1"))
    }

    @Test("the lock command waits the acknowledged delay on the context's clock and re-queries")
    func lockWaits() async throws {
        let harness = CLIHarness(environment: Self.token)
        harness.transport.enqueue(.fixture(200, "utec/discovery.json"), path: "/action")
        harness.transport.enqueue(.fixture(200, "utec/command-ack.json"), path: "/action")
        harness.transport.enqueue(.fixture(200, "utec/query.json"), path: "/action")
        let run = await harness.run("utec", "lock", "0A:1B:2C:3D:4E:01", "--json")
        #expect(run.code == .success, "\(run.stderr)")
        #expect(harness.clock.sleeps == [.seconds(20)])
        #expect(try run.json()["deferredSeconds"] == 20)
    }
}
