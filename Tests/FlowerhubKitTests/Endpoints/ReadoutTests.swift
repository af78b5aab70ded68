import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Readout sequence")
struct ReadoutTests {
    @Test("discovery, asset and pie run in order and fill the client")
    func readout() async throws {
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(40123)
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        harness.transport.enqueue(fh("asset.json"), path: "/asset/880045")
        harness.transport.enqueue(fh("uptime-pie.json"), path: "/asset-effective-uptime/pie-chart/880045")
        let readout = try await harness.client.readoutSequence()
        #expect(
            harness.paths == [
                "/asset-owner/40123/withAssetId", "/asset/880045", "/asset-effective-uptime/pie-chart/880045",
            ])
        #expect(readout.assetOwnerId == 40123)
        #expect(readout.assetId == 880045)
        #expect(readout.asset?.assetInfo["id"] == 880045)
        #expect(readout.asset?.flowerhubStatus.status == "Connected")
        #expect(readout.uptimePie?.uptimeRatioActual == 96.0)
        #expect(await harness.client.flowerhubStatus?.status == "Connected")
    }

    @Test("the result form keeps each step with its status, and a failed step's error")
    func readoutResult() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/")
        harness.transport.enqueue(fh("asset-status-missing.json"), path: "/asset/")
        harness.transport.enqueue(fh("error-500.html", 500), path: "/asset-effective-uptime/")
        let readout = try await harness.client.readoutSequenceResult(assetOwnerId: 40123)
        #expect(readout.assetId == 880045)
        #expect(readout.withAssetId.assetId == 880045)
        #expect(readout.withAssetId.statusCode == 200)
        let assetStep = try #require(readout.asset)
        #expect(message(of: assetStep.error).contains("flowerHubStatus"))
        #expect(assetStep.assetInfo?["id"] == 880045)
        #expect(readout.uptimePie?.statusCode == 500)
        #expect((readout.uptimePie?.error as? APIError)?.kind == .server)
        #expect(harness.apiErrors.count == 0)
    }

    @Test("a stale stored asset id is replaced by the freshly discovered one")
    func staleIdRediscovered() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(111)
        harness.transport.enqueue(fh("with-asset-id.json"))
        harness.transport.enqueue(fh("asset.json"), path: "/asset/")
        harness.transport.enqueue(fh("uptime-pie-empty.json"), path: "/asset-effective-uptime/")
        let readout = try await harness.client.readoutSequence(assetOwnerId: 40123)
        #expect(harness.paths[1] == "/asset/880045")
        #expect(readout.uptimePie == FlowerhubUptimePie(uptime: nil, downtime: nil, noData: nil))
        #expect(await harness.client.assetId == 880045)
    }

    @Test("failed discovery without throwing skips the asset step instead of using a stale id")
    func failedDiscoverySkips() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(111)
        harness.transport.enqueue(fh("with-asset-id-missing.json"))
        let readout = try await harness.client.readoutSequenceResult(assetOwnerId: 40123)
        #expect(readout.assetId == nil)
        #expect(readout.asset == nil)
        #expect(readout.uptimePie == nil)
        #expect(message(of: readout.withAssetId.error).contains("missing assetId"))
        #expect(harness.transport.requests.count == 1)
    }

    @Test("a pie that needs reauthentication does not fail the readout")
    func pieAuthFailureSwallowed() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/")
        harness.transport.enqueue(fh("asset.json"), path: "/asset/")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-effective-uptime/")
        harness.transport.enqueue(fh("refresh-wrapped.json"), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-effective-uptime/")
        let readout = try await harness.client.readoutSequence(assetOwnerId: 40123)
        #expect(readout.asset != nil)
        #expect(readout.uptimePie == nil)
        #expect(harness.transport.requests.count == 5)
        #expect(harness.authFailures.count == 1)
    }

    @Test("the readout forwards retries and timeout to the asset step")
    func readoutOptions() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/")
        harness.transport.enqueue(fh("error-500.html", 500), path: "/asset/")
        harness.transport.enqueue(fh("asset.json"), path: "/asset/")
        harness.transport.enqueue(fh("uptime-pie.json"), path: "/asset-effective-uptime/")
        let readout = try await harness.client.readoutSequence(
            assetOwnerId: 40123, options: FlowerhubCallOptions(retry5xxAttempts: 1, timeout: .seconds(3)))
        #expect(readout.asset != nil)
        #expect(harness.transport.requests.map(\.timeout) == [.seconds(10), .seconds(3), .seconds(3), .seconds(3)])
    }
}
