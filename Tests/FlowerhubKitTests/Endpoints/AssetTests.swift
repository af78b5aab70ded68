import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Asset id discovery and asset status")
struct AssetTests {
    @Test("the asset fetch validates the status, stamps it with the injected clock and keeps the raw object")
    func assetSuccess() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("asset.json"), path: "/asset/880045")
        let fetch = try await harness.client.fetchAsset()
        #expect(harness.transport.requests[0].url.absoluteString == "\(portalBase)/asset/880045")
        let status = fetch.flowerhubStatus
        #expect(status.status == "Connected")
        #expect(status.message == "InverterDongleFoundAndComponentsAreRunning")
        #expect(status.updatedAt == harness.clock.now)
        #expect(status.updatedTimestamp == status.updatedAt)
        #expect(fetch.assetInfo["inverter"]?["name"] == "SUN2000-8KTL-M1")
        #expect(fetch.assetInfo["battery"]?["energyCapacity"] == 10)
        #expect(fetch.asset.inverter?.powerCapacity == 8000)
        #expect(fetch.asset.battery?.maxNumberOfBatteryModules == 3)
        #expect(fetch.asset.fuseSize == 20)
        #expect(fetch.asset.isInstalled == true)
        #expect(await harness.client.flowerhubStatus == status)
        #expect(await harness.client.assetInfo == fetch.assetInfo)
        #expect(await harness.client.asset?.id == 880045)
    }

    @Test("the status age follows the clock, and a later fetch is stamped later")
    func statusAge() async throws {
        let harness = try await Harness()
        #expect(await harness.client.flowerhubStatusAge == nil)
        harness.transport.enqueue(fh("asset.json"))
        harness.transport.enqueue(fh("asset.json"))
        let first = try await harness.client.fetchAsset(assetId: 880045).flowerhubStatus
        harness.clock.advance(by: .seconds(5))
        #expect(first.ageSeconds(at: harness.clock.now) == 5)
        #expect(first.age(at: harness.clock.now) == .seconds(5))
        #expect(await harness.client.flowerhubStatusAge == .seconds(5))
        #expect(
            FlowerhubStatus(status: "Connected", message: nil, updatedAt: nil).ageSeconds(at: harness.clock.now) == nil)
        let second = try await harness.client.fetchAsset(assetId: 880045).flowerhubStatus
        #expect(try #require(second.updatedAt) > #require(first.updatedAt))
    }

    static let badStatusFixtures = [
        "asset-status-missing.json", "asset-status-string.json", "asset-status-empty.json",
        "asset-status-blank.json", "asset-status-no-status.json",
    ]

    @Test("an invalid flowerHubStatus throws a payload error mentioning it", arguments: badStatusFixtures)
    func badStatusThrows(fixture: String) async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh(fixture))
        let error = await #expect(throws: FlowerhubError.self) { try await harness.client.fetchAsset(assetId: 880045) }
        #expect(error?.message.contains("flowerHubStatus") == true)
        #expect(error?.status == 200)
        #expect(error?.code == .invalidResponse)
        #expect(error?.url == "\(portalBase)/asset/880045")
        #expect(error?.payload?["id"] == 880045)
        #expect(harness.apiErrors.count == 1)
    }

    @Test("without throwing an invalid status is reported and the stored status stays", arguments: badStatusFixtures)
    func badStatusNoThrow(fixture: String) async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("asset.json"))
        harness.transport.enqueue(fh(fixture))
        let good = try await harness.client.fetchAsset(assetId: 880045)
        harness.clock.advance(by: .seconds(30))
        let result = try await harness.client.fetchAssetResult(assetId: 880045)
        #expect(message(of: result.error).contains("flowerHubStatus"))
        #expect(result.flowerhubStatus == nil)
        #expect(result.assetInfo?["id"] == 880045)
        #expect(await harness.client.flowerhubStatus == good.flowerhubStatus)
        #expect(await harness.client.assetInfo == good.assetInfo)
    }

    @Test("a status without message is valid and a numeric status is written as text")
    func statusVariants() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("asset-status-no-message.json"))
        harness.transport.enqueue(fh("asset-status-numeric.json"))
        let disconnected = try await harness.client.fetchAsset(assetId: 880045)
        #expect(disconnected.flowerhubStatus.status == "Disconnected")
        #expect(disconnected.flowerhubStatus.message == nil)
        let numeric = try await harness.client.fetchAsset(assetId: 880045)
        #expect(numeric.flowerhubStatus.status == "0")
    }

    @Test("a 404 JSON error without throwing returns the body as assetInfo with the HTTP error")
    func notFoundNoThrow() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-404.json", 404))
        let result = try await harness.client.fetchAssetResult(assetId: 880045)
        #expect(result.statusCode == 404)
        #expect(result.assetInfo == ["statusCode": 404, "message": "Not Found"])
        #expect((result.error as? APIError)?.status == 404)
        #expect((result.error as? APIError)?.kind == .client)
        #expect(await harness.client.flowerhubStatus == nil)
    }

    @Test(
        "assetId values are coerced leniently",
        arguments: [("with-asset-id.json", 880045), ("with-asset-id-string.json", 12)])
    func assetIdCoercion(fixture: String, expected: Int) async throws {
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(40123)
        harness.transport.enqueue(fh(fixture), path: "/asset-owner/40123/withAssetId")
        let result = try await harness.client.fetchAssetIdResult()
        #expect(result.assetId == expected)
        #expect(result.error == nil)
        #expect(await harness.client.assetId == expected)
    }

    @Test(
        "an unparseable assetId fails and clears the stored id",
        arguments: ["with-asset-id-unparseable.json", "with-asset-id-fraction.json", "abc"])
    func assetIdUnparseable(source: String) async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(111)
        harness.transport.enqueue(source.hasSuffix(".json") ? fh(source) : .json(200, #"{"assetId": "abc"}"#))
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchAssetId(assetOwnerId: 40123)
        }
        #expect(error?.message.contains("Failed to parse assetId") == true)
        #expect(await harness.client.assetId == nil)
    }

    @Test("a missing assetId or a non-object body fails and keeps the stored id")
    func assetIdMissing() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(111)
        harness.transport.enqueue(fh("with-asset-id-missing.json"))
        harness.transport.enqueue(.json(200, "[]"))
        let missing = try await harness.client.fetchAssetIdResult(assetOwnerId: 40123)
        #expect(message(of: missing.error).contains("missing assetId"))
        #expect(missing.assetId == nil)
        let list = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchAssetId(assetOwnerId: 40123)
        }
        #expect(list?.message.contains("expected dict") == true)
        #expect(await harness.client.assetId == 111)
    }

    @Test("assetId null gives nil without an error and leaves the stored id")
    func assetIdNull() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(111)
        harness.transport.enqueue(fh("with-asset-id-null.json"))
        harness.transport.enqueue(fh("with-asset-id-null.json"))
        let assetId = try await harness.client.fetchAssetId(assetOwnerId: 40123)
        #expect(assetId == nil)
        let result = try await harness.client.fetchAssetIdResult(assetOwnerId: 40123)
        #expect(result.assetId == nil)
        #expect(result.error == nil)
        #expect(await harness.client.assetId == 111)
    }
}
