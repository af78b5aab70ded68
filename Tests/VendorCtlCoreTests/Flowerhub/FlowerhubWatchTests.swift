import AuthCore
import Foundation
import TestSupport
import Testing
import VendorCtlCore

@Suite("vendorctl flowerhub watch")
struct FlowerhubWatchTests {
    /// A signed-in harness whose asset id is already known.
    private func signedIn() async throws -> CLIHarness {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045")
        guard await harness.run("flowerhub", "status").code == .success else { throw CancellationError() }
        return harness
    }

    @Test("--count 3 prints three lines, waiting --interval between checks on the clock")
    func countedTicks() async throws {
        let harness = try await signedIn()
        for _ in 0..<3 { harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045") }
        let sleepsBefore = harness.clock.sleeps.count
        let run = await harness.run("flowerhub", "watch", "--interval", "30", "--count", "3")
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines.allSatisfy { $0.contains("Connected") && $0.contains("InverterDongleFoundAndComponentsAreRunning") })
        #expect(lines.allSatisfy { $0.hasPrefix("2026-03-15T") })
        // Two waits between the three checks (the poller may already be in its next wait when
        // watch stops), every one of them the interval.
        let waits = harness.clock.sleeps.dropFirst(sleepsBefore)
        #expect(waits.count >= 2)
        #expect(waits.allSatisfy { $0 == .seconds(30) })
        #expect(harness.transport.pendingResponses == 0)
    }

    @Test("--json prints one JSON document per line")
    func jsonLines() async throws {
        let harness = try await signedIn()
        for _ in 0..<2 { harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045") }
        let run = await harness.run("flowerhub", "watch", "--interval", "5", "--count", "2", "--json")
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let tick = try JSONValue(jsonData: Data(line.utf8))
            #expect(tick["status"] == "Connected")
            #expect(tick["time"]?.stringValue?.hasPrefix("2026-03-15T") == true)
        }
    }

    @Test("a failed check prints an error line and polling goes on; the exit code is the last check's")
    func failedTick() async throws {
        let harness = try await signedIn()
        harness.transport.enqueue(FlowerhubScript.fixture("error-500.html", status: 500), path: "/asset/880045")
        harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045")
        let recovered = await harness.run("flowerhub", "watch", "--interval", "5", "--count", "2")
        #expect(recovered.code == .success)
        let lines = recovered.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("ERROR"))
        #expect(lines[1].contains("Connected"))
        harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045")
        harness.transport.enqueue(FlowerhubScript.fixture("error-500.html", status: 500), path: "/asset/880045")
        let failing = await harness.run("flowerhub", "watch", "--interval", "5", "--count", "2", "--json")
        #expect(failing.code == .server)
        let last = try JSONValue(jsonData: Data(try #require(failing.stdout.split(separator: "\n").last).utf8))
        #expect(last["errorClass"] == "server")
    }

    @Test("a refused session ends watching with 77")
    func refusedSessionEndsWatch() async throws {
        let harness = try await signedIn()
        harness.transport.enqueue(FlowerhubScript.fixture("error-401.json", status: 401), path: "/asset/880045")
        harness.transport.enqueue(FlowerhubScript.fixture("error-401.json", status: 401), path: "/auth/refresh-token")
        let run = await harness.run("flowerhub", "watch", "--interval", "5")
        #expect(run.code == .authentication)
        #expect(run.stderr.hasPrefix("vendorctl: authentication: "))
    }

    @Test("an interval under 5 seconds or a count under 1 is a usage error")
    func badArguments() async {
        let harness = CLIHarness()
        #expect(await harness.run("flowerhub", "watch", "--interval", "4").code == .usage)
        #expect(await harness.run("flowerhub", "watch", "--count", "0").code == .usage)
        #expect(await harness.run("flowerhub", "watch", "--interval", "soon").code == .usage)
        #expect(harness.transport.requests.isEmpty)
    }
}
