import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

/// The same shape rules for every list endpoint.
@Suite("List endpoints: wrong shapes, empty lists and junk elements")
struct ListEndpointTests {
    enum Endpoint: String, CaseIterable, Sendable {
        case invoices, consumption, months, history, pie
    }

    /// Calls the endpoint in `form` and returns how many values it parsed (`nil` when it had none)
    /// and its returned error.
    static func call(_ endpoint: Endpoint, _ client: FlowerhubClient, _ form: CallForm) async throws -> (
        count: Int?, error: (any Error)?
    ) {
        switch (endpoint, form) {
        case (.invoices, .throwing):
            return (try await client.fetchInvoices(assetOwnerId: 40123).count, nil)
        case (.invoices, .returningErrors):
            let result = try await client.fetchInvoicesResult(assetOwnerId: 40123)
            return (result.value?.count, result.error)
        case (.consumption, .throwing):
            return (try await client.fetchConsumption(assetOwnerId: 40123).count, nil)
        case (.consumption, .returningErrors):
            let result = try await client.fetchConsumptionResult(assetOwnerId: 40123)
            return (result.value?.count, result.error)
        case (.months, .throwing):
            return (try await client.fetchAvailableUptimeMonths(assetId: 880045).count, nil)
        case (.months, .returningErrors):
            let result = try await client.fetchAvailableUptimeMonthsResult(assetId: 880045)
            return (result.value?.count, result.error)
        case (.history, .throwing):
            return (try await client.fetchUptimeHistory(assetId: 880045).count, nil)
        case (.history, .returningErrors):
            let result = try await client.fetchUptimeHistoryResult(assetId: 880045)
            return (result.value?.count, result.error)
        case (.pie, .throwing):
            return (try await client.fetchUptimePie(assetId: 880045).uptime == nil ? 0 : 1, nil)
        case (.pie, .returningErrors):
            let result = try await client.fetchUptimePieResult(assetId: 880045)
            return (result.value.map { $0.uptime == nil ? 0 : 1 }, result.error)
        }
    }

    static func validElement(_ endpoint: Endpoint) -> String {
        switch endpoint {
        case .invoices: return #"{"id": "1"}"#
        case .consumption: return #"{"site_id": "1", "volume": "2"}"#
        case .months: return #"{"value": "2026-01", "label": "January 2026"}"#
        case .history: return #"{"date": "2026-01", "uptime": 99}"#
        case .pie: return #"{"name": "uptime", "value": 5}"#
        }
    }

    @Test("a dict body throws expected list", arguments: Endpoint.allCases)
    func dictThrows(endpoint: Endpoint) async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, #"{"message": "not a list"}"#))
        let error = await #expect(throws: FlowerhubError.self) {
            _ = try await Self.call(endpoint, harness.client, .throwing)
        }
        #expect(error?.message.contains("expected list") == true)
        #expect(harness.apiErrors.count == 1)
    }

    @Test("a dict body without throwing gives nil and the error", arguments: Endpoint.allCases)
    func dictReported(endpoint: Endpoint) async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, #"{"message": "not a list"}"#))
        let outcome = try await Self.call(endpoint, harness.client, .returningErrors)
        #expect(outcome.count == nil)
        #expect(message(of: outcome.error).contains("expected list"))
    }

    @Test("an empty list gives an empty value and no error", arguments: Endpoint.allCases)
    func emptyList(endpoint: Endpoint) async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, "[]"))
        let outcome = try await Self.call(endpoint, harness.client, .throwing)
        #expect(outcome.count == 0)
        #expect(outcome.error == nil)
    }

    @Test("null and non-object elements are skipped", arguments: Endpoint.allCases)
    func junkSkipped(endpoint: Endpoint) async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, "[null, \"x\", \(Self.validElement(endpoint))]"))
        let outcome = try await Self.call(endpoint, harness.client, .throwing)
        #expect(outcome.count == 1)
    }
}
