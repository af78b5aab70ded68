import AuthCore
import Foundation
import Testing
import VendorCtlCore

@Suite("vendorctl demo bticino")
struct BticinoDemoTests {
    static let secrets = ["sandbox-bticino-password", "sandbox-bticino-client-secret"]

    @Test(
        "demo bticino: sign-in, topology, status, the door opened and relocked, a ring over the websocket, a refresh, a retry"
    )
    func demo() async {
        let run = await CLIHarness().run("demo", "bticino")
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("BNC1-incoming_call"))
        #expect(run.stdout.contains("relocked by itself: true"))
        #expect(run.stdout.contains("403 \"Access token expired\" → refreshed"))
        #expect(run.stdout.contains("503 from the cloud → retried"))
        for secret in Self.secrets + sandboxSecrets { #expect(!run.allOutput.contains(secret)) }
    }

    @Test("demo bticino --json: seven steps, one refreshed, one retried")
    func json() async throws {
        let run = await CLIHarness().run("demo", "bticino", "--json")
        #expect(run.code == .success, "\(run.stderr)")
        guard case .array(let steps)? = try run.json()["steps"] else {
            Issue.record("no steps")
            return
        }
        #expect(steps.count == 7)
        #expect(steps.compactMap { $0["outcome"]?.stringValue }.filter { $0 == "refreshed" }.count == 1)
    }
}
