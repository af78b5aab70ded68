import HTTPTypes

/// When and how often a failed call is tried again.
///
/// A failure is retried only when all of these hold: attempts remain; the request body can be
/// replayed; and either the status is retryable (or carries `Retry-After` and is listed in
/// ``retryAfterStatuses``) and the method is safe to repeat, or the failure is a transient
/// transport error (connection failures for any method, others only for safe methods).
/// A `Retry-After` the server sends replaces the backoff delay, capped at ``retryAfterCap``.
public struct APIRetryPolicy: Sendable, Equatable {
    /// The most attempts in total, the first one included (1 = no retries).
    public let maxAttempts: Int
    /// The delay between attempts.
    public let backoff: Backoff
    /// Statuses worth trying again.
    public let retryableStatuses: Set<Int>
    /// Statuses retried whenever they carry `Retry-After`, even if not in ``retryableStatuses``.
    public let retryAfterStatuses: Set<Int>
    /// Methods that are safe to repeat. A call can override this with ``RequestOptions/isIdempotent``.
    public let retryableMethods: Set<HTTPRequest.Method>
    /// Whether `Retry-After` is read at all.
    public let honoursRetryAfter: Bool
    /// The longest `Retry-After` wait obeyed; longer requests are clamped to it.
    public let retryAfterCap: Duration
    /// Which transport errors are transient.
    public let transientErrors: TransientTransportErrors
    /// Whether an attempt that timed out (no response in time) is retried when the request is idempotent.
    public let retriesTimeouts: Bool

    /// The statuses retried by default: 408, 429, 500, 502, 503, 504.
    public static let defaultRetryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]
    /// The idempotent methods: GET, HEAD, OPTIONS, PUT, DELETE, TRACE.
    public static let idempotentMethods: Set<HTTPRequest.Method> = [.get, .head, .options, .put, .delete, .trace]

    /// Creates a policy, checking every value.
    ///
    /// - Throws: ``APIError`` of kind `invalidConfiguration` naming the bad value: attempts below 1,
    ///   a backoff factor that is not a finite number above 0, a status outside 100–599, or a
    ///   negative cap.
    public init(
        maxAttempts: Int = 3,
        backoff: Backoff = .exponential(),
        retryableStatuses: Set<Int> = APIRetryPolicy.defaultRetryableStatuses,
        retryAfterStatuses: Set<Int> = [],
        retryableMethods: Set<HTTPRequest.Method> = APIRetryPolicy.idempotentMethods,
        honoursRetryAfter: Bool = true,
        retryAfterCap: Duration = .seconds(120),
        transientErrors: TransientTransportErrors = .default,
        retriesTimeouts: Bool = true
    ) throws {
        guard maxAttempts >= 1 else {
            throw APIError(kind: .invalidConfiguration, message: "maxAttempts must be at least 1, got \(maxAttempts)")
        }
        if let factor = backoff.factor, !(factor.isFinite && factor > 0) {
            throw APIError(
                kind: .invalidConfiguration, message: "backoff factor must be a finite number above 0, got \(factor)")
        }
        guard backoff.base >= .zero, backoff.cap >= .zero else {
            throw APIError(kind: .invalidConfiguration, message: "backoff base and cap must not be negative")
        }
        if let bad = retryableStatuses.union(retryAfterStatuses).sorted().first(where: { !(100...599).contains($0) }) {
            throw APIError(
                kind: .invalidConfiguration, message: "retryable status must be an HTTP status 100-599, got \(bad)")
        }
        guard retryAfterCap >= .zero else {
            throw APIError(kind: .invalidConfiguration, message: "retryAfterCap must not be negative")
        }
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.retryableStatuses = retryableStatuses
        self.retryAfterStatuses = retryAfterStatuses
        self.retryableMethods = retryableMethods
        self.honoursRetryAfter = honoursRetryAfter
        self.retryAfterCap = retryAfterCap
        self.transientErrors = transientErrors
        self.retriesTimeouts = retriesTimeouts
    }

    /// Three attempts, exponential backoff from 1 s with full jitter, the default statuses, idempotent methods only.
    public static let `default` = try! APIRetryPolicy()

    /// One attempt: never retry.
    public static let none = try! APIRetryPolicy(maxAttempts: 1)

    public static func == (lhs: APIRetryPolicy, rhs: APIRetryPolicy) -> Bool {
        lhs.maxAttempts == rhs.maxAttempts && lhs.backoff == rhs.backoff
            && lhs.retryableStatuses == rhs.retryableStatuses
            && lhs.retryAfterStatuses == rhs.retryAfterStatuses && lhs.retryableMethods == rhs.retryableMethods
            && lhs.honoursRetryAfter == rhs.honoursRetryAfter && lhs.retryAfterCap == rhs.retryAfterCap
            && lhs.retriesTimeouts == rhs.retriesTimeouts && lhs.transientErrors == rhs.transientErrors
    }
}

extension APIRetryPolicy {
    /// What to do after a failed attempt.
    public enum Decision: Sendable, Equatable {
        /// Give up and surface the error.
        case fail
        /// Try again after the delay.
        case retry(after: Duration)
    }

    /// Decides whether attempt number `attempt` (1-based), which failed with `error`, is retried.
    ///
    /// - Parameters:
    ///   - attempt: The number of the attempt that failed, 1 for the first.
    ///   - isIdempotent: Whether the request is safe to repeat.
    ///   - bodyReplayable: Whether the body can be sent again.
    ///   - random: The jitter source.
    public func decision(
        after error: APIError,
        attempt: Int,
        isIdempotent: Bool,
        bodyReplayable: Bool,
        random: RandomSource
    ) -> Decision {
        guard attempt < maxAttempts, bodyReplayable else { return .fail }
        guard isRetryable(error, isIdempotent: isIdempotent) else { return .fail }
        if honoursRetryAfter, let requested = error.retryAfter {
            return .retry(after: min(requested, retryAfterCap))
        }
        return .retry(after: backoff.delay(forRetry: attempt, random: random))
    }

    /// Whether the failure is of a retryable sort, ignoring attempt counts.
    public func isRetryable(_ error: APIError, isIdempotent: Bool) -> Bool {
        switch error.kind {
        case .cancelled, .invalidConfiguration, .authenticationFailed, .reauthenticationRequired, .decoding:
            return false
        case .transport:
            if transientErrors.isConnectionFailure(error.underlying) { return true }
            return isIdempotent && transientErrors.isTransient(error.underlying)
        case .timeout where error.status == nil:
            return isIdempotent && retriesTimeouts
        default:
            guard let status = error.status, isIdempotent else { return false }
            if retryableStatuses.contains(status) { return true }
            return honoursRetryAfter && error.retryAfter != nil && retryAfterStatuses.contains(status)
        }
    }
}
