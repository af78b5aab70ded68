import AuthCore
import Foundation
import Testing
import VendorCtlCore

/// The sandbox's demo secrets: they must never appear in the demo's output.
let sandboxSecrets = ["correct-horse-battery", "sandbox-client-secret"]

@Suite("vendorctl demo")
struct DemoCommandTests {
    @Test("demo flowerhub: sign-in, status, invoices, a renewed session and a retried 503, exit 0")
    func flowerhub() async throws {
        let run = await CLIHarness().run("demo", "flowerhub")
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("✓ sign in"))
        #expect(run.stdout.contains("signed in as kim.andersson@example.se (asset owner"))
        #expect(run.stdout.contains("✓ asset status"))
        #expect(run.stdout.contains("✓ invoices        2 invoices"))
        #expect(run.stdout.contains("↻ session expiry"))
        #expect(run.stdout.contains("session expired → refreshed (1 refresh request) → retried"))
        #expect(run.stdout.contains("⚠ portal fault    503 from the portal → retried after"))
        #expect(run.stdout.contains("(2 attempts)"))
        #expect(run.stdout.contains("✓ 1 kit, 5 steps passed in"))
        #expect(!run.stdout.contains("Business Central"))
        for secret in sandboxSecrets { #expect(!run.allOutput.contains(secret)) }
    }

    @Test("demo bc: token, companies, a counted filter, 1,500 customers in 15 pages, ETags, a renewal, a 429")
    func businessCentral() async throws {
        let run = await CLIHarness().run("demo", "bc")
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("✓ sign in"))
        #expect(run.stdout.contains("(1 token request); 1 company"))
        #expect(run.stdout.contains("currencyCode eq 'SEK'"))
        #expect(run.stdout.contains("✓ paging          1,500 customers in 15 pages of up to 100"))
        #expect(run.stdout.contains("✓ update item     PATCH item"))
        #expect(run.stdout.contains("⚠ stale ETag      PATCH with the old ETag → 409 Request_EntityChanged"))
        #expect(run.stdout.contains("token expired → 401 → new token (1 token request) → retried"))
        #expect(run.stdout.contains("⚠ throttled       429 Too Many Requests"))
        #expect(run.stdout.contains("(2 attempts)"))
        #expect(run.stdout.contains("✓ 1 kit, 8 steps passed in"))
        for secret in sandboxSecrets { #expect(!run.allOutput.contains(secret)) }
    }

    @Test("demo --json: every kit, one JSON document listing each step, no secret")
    func allAsJSON() async throws {
        let run = await CLIHarness().run("demo", "--json")
        #expect(run.code == .success, "\(run.stderr)")
        let document = try run.json()
        #expect(document["ok"] == .bool(true))
        #expect(
            document["kits"]
                == .array([
                    .string("flowerhub"), .string("bc"), .string("bticino"), .string("viessmann"), .string("utec"),
                ]))
        guard case .array(let steps)? = document["steps"] else {
            Issue.record("no steps array in \(run.stdout)")
            return
        }
        #expect(steps.count == 34)
        let outcomes = steps.compactMap { step -> String? in
            if case .string(let outcome)? = step["outcome"] { return outcome }
            return nil
        }
        #expect(outcomes.filter { $0 == "refreshed" }.count == 5)
        #expect(outcomes.filter { $0 == "retried" }.count == 5)
        #expect(outcomes.filter { $0 == "handled" }.count == 3)
        #expect(!outcomes.contains("failed"))
        #expect(!run.stdout.contains("✓ sign in"))
        for secret in sandboxSecrets { #expect(!run.allOutput.contains(secret)) }
    }

    @Test("a step that keeps failing stops the demo: the failed step is shown and the exit code is its class")
    func failingStep() async throws {
        let run = await CLIHarness().run("demo", "flowerhub", "--sandbox-fault", "flowerhub/asset")
        #expect(run.code == .server)
        #expect(run.stdout.contains("✓ sign in"))
        #expect(run.stdout.contains("✗ asset status"))
        #expect(!run.stdout.contains("invoices"))
        #expect(run.stdout.contains("✗ demo stopped at flowerhub: asset status after 1 step passed"))
        #expect(run.stderr.hasPrefix("vendorctl: server:"))
        for secret in sandboxSecrets { #expect(!run.allOutput.contains(secret)) }
    }

    @Test("a failing step under --json: the document says ok false and names the step, exit code of its class")
    func failingStepJSON() async throws {
        let run = await CLIHarness().run("demo", "bc", "--json", "--sandbox-fault", "businessCentral/companies")
        #expect(run.code == .server)
        let document = try run.json()
        #expect(document["ok"] == .bool(false))
        guard case .array(let steps)? = document["steps"], let last = steps.last else {
            Issue.record("no steps in \(run.stdout)")
            return
        }
        #expect(last["step"] == .string("sign in"))
        #expect(last["outcome"] == .string("failed"))
    }

    @Test("an unknown kit or a malformed fault route is a usage error")
    func badArguments() async throws {
        let harness = CLIHarness()
        let kit = await harness.run("demo", "odyssey")
        #expect(kit.code == .usage)
        #expect(
            kit.stderr.contains("unknown kit 'odyssey' (expected one of: flowerhub, bc, bticino, viessmann, utec)"))
        #expect(await harness.run("demo", "--sandbox-fault", "a b c").code == .usage)
    }
}
