import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

/// 429s and 5xx answers are retried from separate budgets, and a 429 beyond its budget is a rate
/// limit, never a payload problem.
@Suite("Rate-limit budget")
struct RateLimitBudgetTests {
    @Test("two 429s then 200 succeed whatever retry5xxAttempts says", arguments: [nil, 0, 1, 3] as [Int?])
    func fiveHundredOptionKeeps429s(retry5xxAttempts: Int?) async throws {
        let harness = try await Harness { $0.maxRateLimitRetries = 3 }
        harness.transport.enqueue(fh("error-429.json", 429))
        harness.transport.enqueue(fh("error-429.json", 429))
        harness.transport.enqueue(fh("asset.json"))
        let options = FlowerhubCallOptions(retry5xxAttempts: retry5xxAttempts)
        let result = try await harness.client.fetchAssetResult(assetId: 880045, options: options)
        #expect(result.isSuccess)
        #expect(harness.transport.requests.count == 3)
    }

    @Test("5xx retries stay bounded by retry5xxAttempts however many 429s are allowed")
    func serverErrorsBounded() async throws {
        let harness = try await Harness { $0.maxRateLimitRetries = 5 }
        harness.transport.enqueue(fh("error-500.html", 500))
        harness.transport.enqueue(fh("error-500.html", 502))
        harness.transport.enqueue(fh("asset.json"))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.fetchAsset(assetId: 880045, options: FlowerhubCallOptions(retry5xxAttempts: 1))
        }
        #expect(error?.status == 502)
        #expect(error?.attempts == 2)
        #expect(harness.transport.requests.count == 2)
    }

    @Test("interleaved 429s and 5xx each spend their own budget; the backoff counts every retry")
    func interleaved() async throws {
        let harness = try await Harness { $0.maxRateLimitRetries = 2 }
        for status in [429, 500, 429, 503] {
            harness.transport.enqueue(status == 429 ? fh("error-429.json", 429) : fh("error-500.html", status))
        }
        harness.transport.enqueue(fh("asset.json"))
        let options = FlowerhubCallOptions(retry5xxAttempts: 2)
        let result = try await harness.client.fetchAssetResult(assetId: 880045, options: options)
        #expect(result.isSuccess)
        #expect(harness.transport.requests.count == 5)
        let sleeps = harness.clock.sleeps.map(Durations.seconds)
        #expect(sleeps.count == 4)
        for (index, sleep) in sleeps.enumerated() {
            #expect(sleep >= Double(index + 1) && sleep < Double(index + 1) + 0.3)
        }
    }

    @Test("a 429 beyond its budget is thrown as a rate limit with its Retry-After")
    func exhaustedThrows() async throws {
        let harness = try await Harness { $0.maxRateLimitRetries = 1 }
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "2"]))
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "7"]))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.fetchAsset(assetId: 880045, options: FlowerhubCallOptions(retry5xxAttempts: 2))
        }
        #expect(error?.kind == .rateLimited)
        #expect(error?.status == 429)
        #expect(error?.retryAfter == .seconds(7))
        #expect(error?.attempts == 2)
        #expect(error?.isTransient == true)
        #expect(harness.clock.sleeps == [.seconds(2)])
        #expect(harness.apiErrors.count == 1)
    }

    @Test("without throwing, a 429 beyond its budget is returned as a rate limit, never as a payload error")
    func exhaustedReturned() async throws {
        let harness = try await Harness { $0.maxRateLimitRetries = 0 }
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "5"]), path: "/asset/")
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "5"]), path: "/asset-owner/")
        let asset = try await harness.client.fetchAssetResult(assetId: 880045)
        let invoices = try await harness.client.fetchInvoicesResult(assetOwnerId: 40123)
        for (status, error) in [(asset.statusCode, asset.error), (invoices.statusCode, invoices.error)] {
            #expect(status == 429)
            let rateLimit = try #require(error as? APIError)
            #expect(rateLimit.kind == .rateLimited)
            #expect(rateLimit.retryAfter == .seconds(5))
            #expect(!message(of: error).contains("expected"))
        }
        #expect(asset.value == nil)
        #expect(invoices.value == nil)
        #expect(harness.apiErrors.count == 0)
    }

    @Test("the budget spends 429s and 5xx separately and nothing else")
    func budgetUnit() {
        var budget = FlowerhubRetryBudget(serverErrorRetries: 1, rateLimitRetries: 2)
        let rateLimited = APIError(kind: .rateLimited, message: "HTTP 429", status: 429)
        let server = APIError(kind: .server, message: "HTTP 500", status: 500)
        let spent = [rateLimited, server, server, rateLimited, rateLimited].map { budget.spend(on: $0) }
        #expect(spent == [true, true, false, true, false])
        var fresh = FlowerhubRetryBudget(serverErrorRetries: 5, rateLimitRetries: 5)
        let others = [
            APIError(kind: .timeout, message: "timed out"), APIError(kind: .client, message: "HTTP 404", status: 404),
            APIError(kind: .authenticationFailed, message: "HTTP 401", status: 401),
        ]
        #expect(others.map { fresh.spend(on: $0) } == [false, false, false])
        var negative = FlowerhubRetryBudget(serverErrorRetries: -3, rateLimitRetries: -1)
        #expect([server, rateLimited].map { negative.spend(on: $0) } == [false, false])
    }
}
