import AuthCore

/// Odyn's retry settings: how many retries, the backoff factor and which statuses are retried.
///
/// The delays are the ones Odyn documents: `backoffFactor × 2^(n−1)` seconds before retry `n`
/// (2, 4, 8, 16, 32 s by default), capped at 120 s, without jitter. A `Retry-After` header
/// replaces the delay, and 413, 429 and 503 carrying one are retried even when not listed.
/// Only methods that are safe to repeat are retried on a bad status (GET, HEAD, PUT, DELETE,
/// OPTIONS, and PATCH with a concrete ETag); POST is never retried on a status.
public struct OdynRetrySettings: Sendable, Equatable {
    /// Odyn's default forcelist: 429, 500, 502, 503, 504.
    public static let defaultStatusForcelist: [Int] = [429, 500, 502, 503, 504]

    /// Retries after the first attempt (attempts = retries + 1).
    public let retries: Int
    /// The first delay in seconds; each later delay doubles.
    public let backoffFactor: Double
    /// The statuses retried.
    public let statusForcelist: [Int]
    /// The longest `Retry-After` obeyed.
    public let retryAfterCap: Duration
    /// The AuthCore policy these settings produce.
    let policy: APIRetryPolicy

    /// The most retries accepted. More would only keep a failing call alive for days (each delay
    /// is capped at 120 s), and an unbounded count could overflow the attempt counter.
    public static let maximumRetries = 1_000

    /// The longest delay between attempts without `Retry-After`, in seconds.
    static let delayCap: Double = 120

    /// Odyn's defaults: 5 retries, factor 2, the default forcelist.
    public static let `default` = try! OdynRetrySettings()

    /// Creates settings, checking each value.
    ///
    /// A factor above 120 behaves as 120: every delay is capped at 120 s anyway, and the factor is
    /// never converted to a duration unclamped, so no finite value can trap.
    ///
    /// - Throws: ``OdynError`` naming the bad value: code `invalidRetry` for fewer than one retry or
    ///   more than ``maximumRetries``, `invalidBackoffFactor` for a factor that is not a finite number
    ///   above zero, `invalidStatusForcelist` for a status outside 100–599, `invalidConfiguration`
    ///   for a `Retry-After` cap that is not above zero.
    public init(
        retries: Int = 5,
        backoffFactor: Double = 2.0,
        statusForcelist: [Int] = OdynRetrySettings.defaultStatusForcelist,
        retryAfterCap: Duration = .seconds(120)
    ) throws {
        guard (1...OdynRetrySettings.maximumRetries).contains(retries) else {
            throw OdynError(
                .invalidRetry, "retries must be between 1 and \(OdynRetrySettings.maximumRetries), got \(retries)")
        }
        guard backoffFactor.isFinite, backoffFactor > 0 else {
            throw OdynError(
                .invalidBackoffFactor, "backoffFactor must be a finite number above 0, got \(backoffFactor)")
        }
        if let bad = statusForcelist.first(where: { !(100...599).contains($0) }) {
            throw OdynError(
                .invalidStatusForcelist, "statusForcelist must hold HTTP statuses (100-599), got \(bad)")
        }
        self.retries = retries
        self.backoffFactor = backoffFactor
        self.statusForcelist = statusForcelist
        self.retryAfterCap = retryAfterCap
        do {
            self.policy = try APIRetryPolicy(
                maxAttempts: retries + 1,
                backoff: .exponential(
                    base: Durations.clamped(seconds: min(backoffFactor, OdynRetrySettings.delayCap)), factor: 2,
                    cap: Durations.clamped(seconds: OdynRetrySettings.delayCap), jitter: .none
                ),
                retryableStatuses: Set(statusForcelist),
                retryAfterStatuses: [413, 429, 503],
                retryAfterCap: retryAfterCap
            )
        } catch let error as APIError {
            throw OdynError(.invalidConfiguration, error.message)
        }
    }

    /// Equal when every setting is equal.
    public static func == (lhs: OdynRetrySettings, rhs: OdynRetrySettings) -> Bool {
        lhs.retries == rhs.retries && lhs.backoffFactor == rhs.backoffFactor
            && lhs.statusForcelist == rhs.statusForcelist
            && lhs.retryAfterCap == rhs.retryAfterCap
    }
}
