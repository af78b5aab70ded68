/// How long to wait before each retry.
///
/// The raw delay grows exponentially (`base × factor^(retry − 1)`) or linearly
/// (`base × retry`), is clamped to `cap`, and then jittered. Retry numbers start at 1.
public struct Backoff: Sendable, Equatable {
    /// How the raw delay is randomised.
    public enum Jitter: Sendable, Equatable {
        /// The raw delay, exactly.
        case none
        /// Uniform in `0 ..< raw` ("full jitter").
        case full
        /// `raw / 2` plus uniform in `0 ..< raw / 2` ("equal jitter").
        case equal
        /// The raw delay plus uniform in `0 ..< amount`.
        case additive(Duration)
    }

    private enum Growth: Sendable, Equatable {
        case exponential(factor: Double)
        case linear
    }

    private let growth: Growth
    /// The first retry's raw delay.
    public let base: Duration
    /// The largest raw delay.
    public let cap: Duration
    /// The randomisation.
    public let jitter: Jitter

    /// Exponential growth: `base`, `base × factor`, `base × factor²`, …, at most `cap`.
    public static func exponential(
        base: Duration = .seconds(1),
        factor: Double = 2,
        cap: Duration = .seconds(30),
        jitter: Jitter = .full
    ) -> Backoff {
        Backoff(growth: .exponential(factor: factor), base: base, cap: cap, jitter: jitter)
    }

    /// Linear growth: `base`, `2 × base`, `3 × base`, …, at most `cap`.
    public static func linear(step: Duration = .seconds(1), cap: Duration = .seconds(30), jitter: Jitter = .none)
        -> Backoff
    {
        Backoff(growth: .linear, base: step, cap: cap, jitter: jitter)
    }

    /// The exponential factor, or `nil` for linear growth.
    public var factor: Double? {
        if case .exponential(let factor) = growth { return factor }
        return nil
    }

    /// The un-jittered delay before retry number `retry` (1 for the first retry).
    public func rawDelay(forRetry retry: Int) -> Duration {
        let step = max(retry, 1)
        let baseSeconds = base.seconds
        let seconds: Double
        switch growth {
        case .exponential(let factor):
            seconds = baseSeconds * pow(factor, Double(step - 1))
        case .linear:
            seconds = baseSeconds * Double(step)
        }
        // Compare in floating point before converting: a large retry count overflows any integer duration.
        guard seconds < cap.seconds else { return cap }
        return min(Duration.seconds(clamping: seconds), cap)
    }

    /// The delay before retry number `retry`, jittered with `random`.
    public func delay(forRetry retry: Int, random: RandomSource) -> Duration {
        let raw = rawDelay(forRetry: retry)
        switch jitter {
        case .none:
            return raw
        case .full:
            return Duration.seconds(clamping: raw.seconds * random.unitInterval())
        case .equal:
            let half = raw.seconds / 2
            return Duration.seconds(clamping: half + half * random.unitInterval())
        case .additive(let amount):
            return raw + Duration.seconds(clamping: amount.seconds * random.unitInterval())
        }
    }
}

/// `base` raised to a whole, non-negative `exponent` by repeated squaring: O(log n) steps, so a
/// policy with a huge attempt count costs nothing, and overflow ends as infinity rather than a trap.
private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var factor = base
    var remaining = exponent >= Double(Int.max) ? Int.max : max(0, Int(exponent))
    while remaining > 0 {
        if remaining & 1 == 1 { result *= factor }
        remaining >>= 1
        if remaining > 0 { factor *= factor }
        if !result.isFinite { return result }
    }
    return result
}
