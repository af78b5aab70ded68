import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Missing ids and invalid arguments fail before any request")
struct PreconditionTests {
    typealias Call = @Sendable (FlowerhubClient, Int?) async throws -> Void

    static let ownerCalls: [(String, Call)] = [
        ("fetchAssetId", { _ = try await $0.fetchAssetId(assetOwnerId: $1) }),
        ("fetchElectricityAgreement", { _ = try await $0.fetchElectricityAgreement(assetOwnerId: $1) }),
        ("fetchInvoices", { _ = try await $0.fetchInvoices(assetOwnerId: $1) }),
        ("fetchConsumption", { _ = try await $0.fetchConsumption(assetOwnerId: $1) }),
        ("fetchAssetOwnerProfile", { _ = try await $0.fetchAssetOwnerProfile(assetOwnerId: $1) }),
        ("fetchAssetOwner", { _ = try await $0.fetchAssetOwner(assetOwnerId: $1) }),
        ("readoutSequence", { _ = try await $0.readoutSequence(assetOwnerId: $1) }),
        ("fetchAssetIdResult", { _ = try await $0.fetchAssetIdResult(assetOwnerId: $1) }),
        ("fetchElectricityAgreementResult", { _ = try await $0.fetchElectricityAgreementResult(assetOwnerId: $1) }),
        ("fetchInvoicesResult", { _ = try await $0.fetchInvoicesResult(assetOwnerId: $1) }),
        ("fetchConsumptionResult", { _ = try await $0.fetchConsumptionResult(assetOwnerId: $1) }),
        ("fetchAssetOwnerProfileResult", { _ = try await $0.fetchAssetOwnerProfileResult(assetOwnerId: $1) }),
        ("fetchAssetOwnerResult", { _ = try await $0.fetchAssetOwnerResult(assetOwnerId: $1) }),
        ("readoutSequenceResult", { _ = try await $0.readoutSequenceResult(assetOwnerId: $1) }),
    ]

    static let assetCalls: [(String, Call)] = [
        ("fetchAsset", { _ = try await $0.fetchAsset(assetId: $1) }),
        ("fetchRevenue", { _ = try await $0.fetchRevenue(assetId: $1) }),
        ("fetchAvailableUptimeMonths", { _ = try await $0.fetchAvailableUptimeMonths(assetId: $1) }),
        ("fetchUptimeHistory", { _ = try await $0.fetchUptimeHistory(assetId: $1) }),
        ("fetchUptimePie", { _ = try await $0.fetchUptimePie(assetId: $1) }),
        ("fetchAssetResult", { _ = try await $0.fetchAssetResult(assetId: $1) }),
        ("fetchRevenueResult", { _ = try await $0.fetchRevenueResult(assetId: $1) }),
        ("fetchAvailableUptimeMonthsResult", { _ = try await $0.fetchAvailableUptimeMonthsResult(assetId: $1) }),
        ("fetchUptimeHistoryResult", { _ = try await $0.fetchUptimeHistoryResult(assetId: $1) }),
        ("fetchUptimePieResult", { _ = try await $0.fetchUptimePieResult(assetId: $1) }),
    ]

    @Test("owner methods need an owner id", arguments: [nil, 0, -3] as [Int?])
    func ownerIdRequired(id: Int?) async throws {
        for (name, call) in Self.ownerCalls {
            let harness = try await Harness()
            await harness.client.setAssetOwnerId(id == nil ? nil : 0)
            let error = await #expect(throws: FlowerhubError.self, "\(name)") { try await call(harness.client, id) }
            #expect(error?.message.contains("asset_owner_id") == true, "\(name)")
            #expect(harness.transport.requests.isEmpty, "\(name)")
        }
    }

    @Test("asset methods need an asset id", arguments: [nil, 0] as [Int?])
    func assetIdRequired(id: Int?) async throws {
        for (name, call) in Self.assetCalls {
            let harness = try await Harness()
            await harness.client.setAssetOwnerId(40123)
            await harness.client.setAssetId(id == nil ? nil : 0)
            let error = await #expect(throws: FlowerhubError.self, "\(name)") { try await call(harness.client, id) }
            #expect(error?.message.contains("asset_id") == true, "\(name)")
            #expect(harness.transport.requests.isEmpty, "\(name)")
        }
    }

    @Test(
        "a blank or malformed pie period is an invalid argument",
        arguments: ["  ", "", "garbage value", "2026-13", "2026-3", "26-03"])
    func badPeriod(period: String) async throws {
        let harness = try await Harness()
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchUptimePie(assetId: 880045, period: period)
        }
        #expect(error?.message.contains("period") == true)
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("an empty notification slug is an invalid argument")
    func emptySlug() async throws {
        let harness = try await Harness()
        await #expect(throws: FlowerhubError.self) { try await harness.client.fetchSystemNotification(slug: "") }
        await #expect(throws: FlowerhubError.self) { try await harness.client.fetchSystemNotificationResult(slug: " ") }
        #expect(harness.transport.requests.isEmpty)
    }
}
