import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

/// Every call has a throwing form that returns the value, and a `…Result` form that returns HTTP
/// and payload errors with the answer they came with.
@Suite("The two call forms")
struct CallFormTests {
    @Test("a success: the value itself, or a result with status, redacted URL, body and JSON")
    func success() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("revenue.json"))
        harness.transport.enqueue(fh("revenue.json"))
        let revenue = try await harness.client.fetchRevenue(assetId: 880045)
        let result = try await harness.client.fetchRevenueResult(assetId: 880045)
        #expect(result.value == revenue)
        #expect(result.isSuccess)
        #expect(result.statusCode == 200)
        #expect(result.url == "\(portalBase)/asset/880045/revenue")
        #expect(result.json?["id"] == 1207)
        #expect(result.text.contains("compensationPerKW"))
        #expect(result.errorMessage == nil)
    }

    @Test("an HTTP error: thrown after the error handler hears of it, or returned with its body unannounced")
    func httpError() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-404.json", 404))
        harness.transport.enqueue(fh("error-404.json", 404))
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchRevenue(assetId: 880045) }
        #expect(error?.status == 404)
        #expect(harness.apiErrors.count == 1)
        let result = try await harness.client.fetchRevenueResult(assetId: 880045)
        #expect(!result.isSuccess)
        #expect(result.value == nil)
        #expect(result.statusCode == 404)
        #expect(result.url == "\(portalBase)/asset/880045/revenue")
        #expect(result.json?["message"] == "Not Found")
        #expect((result.error as? APIError)?.vendorError(as: FlowerhubPortalError.self)?.messages == ["Not Found"])
        #expect(result.errorMessage?.hasPrefix("APIError.client") == true)
        #expect(harness.apiErrors.count == 1)
    }

    @Test("a payload error: a FlowerhubError with status and URL, thrown, or returned with the body")
    func payloadError() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, #"{"minAvailablePower": 1}"#))
        harness.transport.enqueue(.json(200, #"{"minAvailablePower": 1}"#))
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchRevenue(assetId: 880045)
        }
        #expect(error?.code == .invalidResponse)
        #expect(error?.status == 200)
        #expect(error?.url == "\(portalBase)/asset/880045/revenue")
        #expect(error?.payload == ["minAvailablePower": 1])
        #expect(harness.apiErrors.count == 1)
        let result = try await harness.client.fetchRevenueResult(assetId: 880045)
        #expect(result.value == nil)
        #expect(result.statusCode == 200)
        #expect(result.json == ["minAvailablePower": 1])
        #expect(result.text == #"{"minAvailablePower": 1}"#)
        #expect((result.error as? FlowerhubError) == error)
        #expect(harness.apiErrors.count == 1)
    }

    @Test("a 2xx body that is not JSON is AuthCore's invalid response, thrown or returned")
    func notJSON() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-500.html", 200))
        harness.transport.enqueue(fh("error-500.html", 200))
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchRevenue(assetId: 880045) }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.status == 200)
        let result = try await harness.client.fetchRevenueResult(assetId: 880045)
        #expect((result.error as? APIError)?.kind == .invalidResponse)
        #expect(result.text == "<html>Bad gateway</html>")
    }
}
