import AuthCore
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Retry policy validation and decisions")
struct RetryPolicyTests {
    @Test("invalid values are refused with an error naming them", arguments: [0, -1])
    func attempts(_ value: Int) {
        let error = #expect(throws: APIError.self) { try APIRetryPolicy(maxAttempts: value) }
        #expect(error?.kind == .invalidConfiguration)
        #expect(error?.message.contains("\(value)") == true)
    }

    @Test("backoff factor must be finite and above zero", arguments: [0.0, -1.0, Double.nan, Double.infinity])
    func factor(_ value: Double) {
        let error = #expect(throws: APIError.self) {
            try APIRetryPolicy(backoff: .exponential(factor: value))
        }
        #expect(error?.kind == .invalidConfiguration)
        #expect(error?.message.contains("backoff factor") == true)
    }

    @Test("statuses must be real HTTP statuses", arguments: [99, 600, -1])
    func statuses(_ value: Int) {
        let error = #expect(throws: APIError.self) { try APIRetryPolicy(retryableStatuses: [500, value]) }
        #expect(error?.message.contains("\(value)") == true)
    }

    @Test("defaults: 408, 429, 500, 502, 503, 504 and idempotent methods only")
    func defaults() {
        let policy = APIRetryPolicy.default
        #expect(policy.retryableStatuses == [408, 429, 500, 502, 503, 504])
        #expect(!policy.retryableMethods.contains(.post))
        #expect(!policy.retryableMethods.contains(.patch))
        #expect(policy.retryableMethods.contains(.delete))
    }

    @Test("Retry-After replaces the backoff and is capped")
    func retryAfterReplacesBackoff() throws {
        let policy = try APIRetryPolicy(
            maxAttempts: 3, backoff: .exponential(base: .seconds(1), jitter: .none), retryAfterCap: .seconds(60))
        var error = APIError(kind: .rateLimited, message: "HTTP 429", status: 429, retryAfter: .seconds(7))
        #expect(
            policy.decision(after: error, attempt: 1, isIdempotent: true, bodyReplayable: true, random: .seeded(1))
                == .retry(after: .seconds(7)))
        error.retryAfter = .seconds(3600)
        #expect(
            policy.decision(after: error, attempt: 1, isIdempotent: true, bodyReplayable: true, random: .seeded(1))
                == .retry(after: .seconds(60)))
        error.retryAfter = nil
        #expect(
            policy.decision(after: error, attempt: 2, isIdempotent: true, bodyReplayable: true, random: .seeded(1))
                == .retry(after: .seconds(2)))
    }

    @Test("attempts, bodies, methods and kinds gate retries")
    func gates() throws {
        let policy = try APIRetryPolicy(maxAttempts: 2, backoff: .exponential(jitter: .none))
        let server = APIError(kind: .server, message: "HTTP 503", status: 503)
        #expect(
            policy.decision(after: server, attempt: 2, isIdempotent: true, bodyReplayable: true, random: .system)
                == .fail)
        #expect(
            policy.decision(after: server, attempt: 1, isIdempotent: true, bodyReplayable: false, random: .system)
                == .fail)
        #expect(
            policy.decision(after: server, attempt: 1, isIdempotent: false, bodyReplayable: true, random: .system)
                == .fail)
        let notFound = APIError(kind: .client, message: "HTTP 404", status: 404)
        #expect(
            policy.decision(after: notFound, attempt: 1, isIdempotent: true, bodyReplayable: true, random: .system)
                == .fail)
        let auth = APIError(kind: .authenticationFailed, message: "HTTP 401", status: 401)
        #expect(
            policy.decision(after: auth, attempt: 1, isIdempotent: true, bodyReplayable: true, random: .system) == .fail
        )
    }

    @Test("time-outs and transport failures can be excluded from retries")
    func noTransportRetries() throws {
        let strict = try APIRetryPolicy(maxAttempts: 3, transientErrors: .none, retriesTimeouts: false)
        let timeout = APIError(kind: .timeout, message: "timed out")
        let dropped = APIError(kind: .transport, message: "lost", underlying: URLError(.cannotConnectToHost))
        #expect(!strict.isRetryable(timeout, isIdempotent: true))
        #expect(!strict.isRetryable(dropped, isIdempotent: true))
        #expect(APIRetryPolicy.default.isRetryable(timeout, isIdempotent: true))
        #expect(APIRetryPolicy.default.isRetryable(dropped, isIdempotent: false))
    }

    @Test("a status outside the list is retried when it carries Retry-After and is listed for that")
    func retryAfterStatuses() throws {
        let policy = try APIRetryPolicy(maxAttempts: 3, retryableStatuses: [500], retryAfterStatuses: [413, 429, 503])
        var error = APIError(kind: .server, message: "HTTP 503", status: 503)
        #expect(!policy.isRetryable(error, isIdempotent: true))
        error.retryAfter = .seconds(1)
        #expect(policy.isRetryable(error, isIdempotent: true))
    }
}
