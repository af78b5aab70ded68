import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Retries, Retry-After, timeouts and concurrency")
struct RetryAndOptionsTests {
    @Test("retry5xxAttempts: 1 turns 500 then 200 into a success after two requests")
    func fiveHundredRetried() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-500.html", 500))
        harness.transport.enqueue(fh("asset.json"))
        let fetch = try await harness.client.fetchAsset(
            assetId: 880045, options: FlowerhubCallOptions(retry5xxAttempts: 1))
        #expect(fetch.flowerhubStatus.status == "Connected")
        #expect(harness.transport.requests.count == 2)
        #expect(harness.clock.sleeps.count == 1)
    }

    @Test("by default a fetch does not retry 500: it throws the HTTP error with the full URL and notifies once")
    func fiveHundredDefault() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-500.html", 500))
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchAsset(assetId: 880045) }
        #expect(error?.status == 500)
        #expect(error?.kind == .server)
        #expect(error?.url == "\(portalBase)/asset/880045")
        #expect(error?.responseBody.flatMap { try? JSONValue(jsonData: $0) } == nil)
        #expect(harness.transport.requests.count == 1)
        #expect(harness.apiErrors.count == 1)
        #expect(harness.apiErrors.all.first?.contains("HTTP 500") == true)
    }

    @Test("a 500 HTML page without throwing keeps the text and reports the HTTP error, not a payload problem")
    func fiveHundredNoThrow() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-500.html", 500))
        let result = try await harness.client.fetchInvoicesResult(assetOwnerId: 40123)
        #expect(result.statusCode == 500)
        #expect(result.json == nil)
        #expect(result.text == "<html>Bad gateway</html>")
        #expect((result.error as? APIError)?.kind == .server)
        #expect(!message(of: result.error).contains("expected list"))
        #expect(!result.isSuccess)
    }

    @Test("asset-id discovery retries 5xx twice with linear backoff of about 1 s and 2 s")
    func discoveryBackoff() async throws {
        let harness = try await Harness()
        for _ in 0..<3 { harness.transport.enqueue(fh("error-500.html", 500)) }
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchAssetId(assetOwnerId: 40123) }
        #expect(error?.status == 500)
        #expect(harness.transport.requests.count == 3)
        let sleeps = harness.clock.sleeps.map(Durations.seconds)
        #expect(sleeps.count == 2)
        #expect(sleeps[0] >= 1.0 && sleeps[0] < 1.3)
        #expect(sleeps[1] >= 2.0 && sleeps[1] < 2.3)
    }

    @Test("429 with Retry-After: 3 waits exactly 3 s")
    func retryAfterSeconds() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "3"]))
        harness.transport.enqueue(fh("asset.json"))
        let result = try await harness.client.fetchAssetResult(assetId: 880045)
        #expect(result.isSuccess)
        #expect(harness.clock.sleeps == [.seconds(3)])
    }

    @Test("a Retry-After HTTP date is honoured relative to the injected clock")
    func retryAfterDate() async throws {
        let harness = try await Harness()
        // The test clock starts at Sun, 15 Mar 2026 12:00:00 GMT.
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "Sun, 15 Mar 2026 12:00:07 GMT"]))
        harness.transport.enqueue(fh("asset.json"))
        _ = try await harness.client.fetchAsset(assetId: 880045)
        #expect(harness.clock.sleeps == [.seconds(7)])
    }

    @Test("an unreadable Retry-After falls back to linear backoff in [1.0, 1.3)")
    func retryAfterGarbage() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "soon"]))
        harness.transport.enqueue(fh("asset.json"))
        _ = try await harness.client.fetchAsset(assetId: 880045)
        let sleep = Durations.seconds(try #require(harness.clock.sleeps.first))
        #expect(sleep >= 1.0 && sleep < 1.3)
    }

    @Test("a long Retry-After is capped")
    func retryAfterCapped() async throws {
        let harness = try await Harness { $0.retryAfterCap = .seconds(60) }
        harness.transport.enqueue(fh("error-429.json", 429, headers: [.retryAfter: "3600"]))
        harness.transport.enqueue(fh("asset.json"))
        _ = try await harness.client.fetchAsset(assetId: 880045)
        #expect(harness.clock.sleeps == [.seconds(60)])
    }

    @Test("429 retries are bounded when 5xx retries are off")
    func rateLimitBounded() async throws {
        let harness = try await Harness { $0.maxRateLimitRetries = 3 }
        for _ in 0..<5 { harness.transport.enqueue(fh("error-429.json", 429)) }
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchAsset(assetId: 880045) }
        #expect(error?.kind == .rateLimited)
        #expect(harness.transport.requests.count == 4)
        #expect(harness.transport.pendingResponses == 1)
    }

    @Test("429s do not use up the 5xx budget: 429, 429, 500 with 2 retries ends in the 200")
    func rateLimitOwnBudget() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-429.json", 429))
        harness.transport.enqueue(fh("error-429.json", 429))
        harness.transport.enqueue(fh("error-500.html", 500))
        harness.transport.enqueue(fh("asset.json"))
        let options = FlowerhubCallOptions(retry5xxAttempts: 2)
        let result = try await harness.client.fetchAssetResult(assetId: 880045, options: options)
        #expect(result.isSuccess)
        #expect(harness.transport.requests.count == 4)
    }

    @Test("Retry-After on a 5xx is obeyed too")
    func retryAfterOnServerError() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-500.html", 503, headers: [.retryAfter: "0.5"]))
        harness.transport.enqueue(fh("asset.json"))
        _ = try await harness.client.fetchAsset(assetId: 880045, options: FlowerhubCallOptions(retry5xxAttempts: 1))
        #expect(harness.clock.sleeps == [.milliseconds(500)])
    }

    @Test("the transport gets the default 10 s timeout, a per-call override, or none for zero")
    func timeouts() async throws {
        let harness = try await Harness()
        for _ in 0..<4 { harness.transport.enqueue(fh("asset.json")) }
        _ = try await harness.client.fetchAsset(assetId: 880045)
        _ = try await harness.client.fetchAsset(
            assetId: 880045, options: FlowerhubCallOptions(timeout: .milliseconds(200)))
        _ = try await harness.client.fetchAsset(assetId: 880045, options: FlowerhubCallOptions(timeout: .zero))
        await harness.client.setRequestTimeout(.milliseconds(500))
        _ = try await harness.client.fetchAsset(assetId: 880045)
        #expect(
            harness.transport.requests.map(\.timeout) == [.seconds(10), .milliseconds(200), nil, .milliseconds(500)])
        #expect(await harness.client.requestTimeout == .milliseconds(500))
    }

    @Test(
        "a transport time-out is thrown even without throwing on HTTP errors, and never retried",
        arguments: [0, 2])
    func transportTimeoutThrows(rateLimitRetries: Int) async throws {
        let harness = try await Harness { $0.maxRateLimitRetries = rateLimitRetries }
        harness.transport.enqueue(.failure(.timedOut))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.fetchAssetResult(assetId: 880045)
        }
        #expect(error?.kind == .timeout)
        #expect(harness.transport.requests.count == 1)
        #expect(harness.apiErrors.count == 0)
    }

    @Test(
        "setMaxConcurrency(1) keeps parallel fetches to one in flight; removing it lets them overlap",
        arguments: [1, 0])
    func concurrencyLimit(limit: Int) async throws {
        let harness = try await Harness(transport: MockTransport(yieldsWhileInFlight: 200))
        await harness.client.setMaxConcurrency(limit)
        harness.transport.enqueue(fh("asset.json"))
        harness.transport.enqueue(fh("asset.json"))
        async let first = harness.client.fetchAsset(assetId: 880045)
        async let second = harness.client.fetchAsset(assetId: 880045)
        _ = try await (first, second)
        #expect(harness.transport.peakInFlight == (limit == 1 ? 1 : 2))
    }

    @Test("a concurrency limit of 1 does not deadlock the refresh")
    func limitWithRefresh() async throws {
        let harness = try await Harness { $0.maxConcurrency = 1 }
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(fh("refresh-flat.json"), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("asset.json"), path: "/asset/")
        let result = try await harness.client.fetchAssetResult(assetId: 880045)
        #expect(result.isSuccess)
        #expect(harness.transport.requests.count == 3)
    }

    @Test("extra headers are merged over Origin and a non-https base URL is refused")
    func configuration() async throws {
        let harness = try await Harness { $0.additionalHeaders = [.userAgent: "FlowerhubKitTests/1"] }
        harness.transport.enqueue(fh("asset.json"))
        _ = try await harness.client.fetchAsset(assetId: 880045)
        #expect(harness.transport.requests[0].headers[.userAgent] == "FlowerhubKitTests/1")
        #expect(harness.transport.requests[0].headers[.origin] == "https://portal.flowerhub.se")
        #expect(throws: APIError.self) {
            _ = try FlowerhubClient(
                configuration: FlowerhubClient.Configuration(baseURL: URL(string: "http://portal.example.test")!),
                transport: MockTransport())
        }
        #expect(throws: APIError.self) {
            _ = try FlowerhubClient(
                configuration: FlowerhubClient.Configuration(origin: "https://portal.example.test/path"),
                transport: MockTransport())
        }
    }
}
