import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

/// Only the portal refusing the refresh means "log in again"; a refresh that fails for a passing
/// reason ends the call with a transient error.
@Suite("Session refresh failures")
struct RefreshFailureTests {
    /// A client whose asset fetch is rejected with 401 and whose refresh answers `refresh`.
    static func rejected(refresh: MockResponse) async throws -> Harness {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(refresh, path: "/auth/refresh-token")
        // Answers a retry of the asset fetch, which must not happen.
        harness.transport.enqueue(fh("asset.json"), path: "/asset/")
        return harness
    }

    @Test(
        "a refresh answered 5xx ends the call transient, without a retry or a login request",
        arguments: [(500, CallForm.throwing), (503, .throwing), (502, .returningErrors), (500, .returningErrors)])
    func serverError(status: Int, form: CallForm) async throws {
        let harness = try await Self.rejected(refresh: fh("error-500.html", status))
        let error = await #expect(throws: APIError.self) {
            switch form {
            case .throwing: try await harness.client.fetchAsset(assetId: 880045)
            case .returningErrors: _ = try await harness.client.fetchAssetResult(assetId: 880045)
            }
        }
        #expect(error?.kind == .server)
        #expect(error?.status == status)
        #expect(error?.isTransient == true)
        #expect(error?.requiresReauthentication == false)
        #expect(harness.authFailures.count == 0)
        #expect(harness.paths == ["/asset/880045", "/auth/refresh-token"])
    }

    @Test("a refresh answered 429 ends the call rate-limited with its Retry-After, and is not retried")
    func rateLimited() async throws {
        let harness = try await Self.rejected(refresh: fh("error-429.json", 429, headers: [.retryAfter: "30"]))
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchAsset(assetId: 880045) }
        #expect(error?.kind == .rateLimited)
        #expect(error?.retryAfter == .seconds(30))
        #expect(error?.isTransient == true)
        #expect(error?.requiresReauthentication == false)
        #expect(harness.authFailures.count == 0)
        #expect(harness.paths == ["/asset/880045", "/auth/refresh-token"])
        #expect(harness.clock.sleeps.isEmpty)
    }

    @Test(
        "a refresh that times out or cannot reach the portal ends the call transient",
        arguments: [
            (URLError.Code.timedOut, APIError.Kind.timeout), (.cannotConnectToHost, .transport),
            (.notConnectedToInternet, .transport),
        ])
    func unreachable(code: URLError.Code, kind: APIError.Kind) async throws {
        let harness = try await Self.rejected(refresh: .failure(code))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.fetchAssetResult(assetId: 880045)
        }
        #expect(error?.kind == kind)
        #expect(error?.isTransient == true)
        #expect(error?.requiresReauthentication == false)
        #expect(harness.authFailures.count == 0)
        #expect(harness.paths == ["/asset/880045", "/auth/refresh-token"])
    }

    @Test("a refresh refused with 401 or 403 needs a new login and notifies once", arguments: [401, 403])
    func refused(status: Int) async throws {
        let harness = try await Self.rejected(refresh: fh(status == 401 ? "error-401.json" : "error-404.json", status))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.fetchAssetResult(assetId: 880045)
        }
        #expect(error?.requiresReauthentication == true)
        #expect(error?.isTransient == false)
        #expect(error?.message.contains("login again") == true)
        #expect(harness.authFailures.count == 1)
        #expect(harness.paths == ["/asset/880045", "/auth/refresh-token"])
    }

    @Test("a transient refresh failure is reported to the error handler, not the auth-failed one")
    func errorHandler() async throws {
        let harness = try await Self.rejected(refresh: fh("error-500.html", 500))
        _ = await #expect(throws: APIError.self) { try await harness.client.fetchAsset(assetId: 880045) }
        #expect(harness.apiErrors.count == 1)
        #expect(harness.authFailures.count == 0)
    }

    @Test("polling goes on after a transient refresh failure and ends only on a refusal")
    func pollingGoesOn() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(fh("error-500.html", 503), path: "/auth/refresh-token")
        let transient = await harness.client.pollTick { _ in }
        guard case .done = transient else {
            Issue.record("a transient refresh failure stopped polling")
            return
        }
        #expect(harness.paths == ["/asset/880045", "/auth/refresh-token"])
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/auth/refresh-token")
        let refused = await harness.client.pollTick { _ in }
        guard case .fatal(let error) = refused else {
            Issue.record("a refused refresh did not stop polling")
            return
        }
        #expect((error as? APIError)?.requiresReauthentication == true)
        #expect(harness.authFailures.count == 1)
    }
}
