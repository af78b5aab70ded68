import AuthCore
import Foundation

/// Capped exponential backoff with jitter: attempt *n* waits `initial × multiplierⁿ⁻¹`, at most
/// `maximum`, then moved by up to ±`jitter` of itself.
public struct BticinoBackoff: Sendable, Equatable {
    /// The first delay; default 5 s.
    public var initial: Duration
    /// The longest delay before jitter; default 120 s.
    public var maximum: Duration
    /// The growth factor; default 2.
    public var multiplier: Double
    /// The jitter as a fraction of the delay (0 ... 1); default 0.2.
    public var jitter: Double

    /// Creates a backoff.
    public init(
        initial: Duration = .seconds(5), maximum: Duration = .seconds(120), multiplier: Double = 2,
        jitter: Double = 0.2
    ) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay before attempt `attempt` (1-based), with `unit` a random number in 0 ..< 1.
    public func delay(attempt: Int, unit: Double) -> Duration {
        let base = Durations.seconds(initial) * pow(multiplier, Double(max(0, attempt - 1)))
        let capped = min(base, Durations.seconds(maximum))
        let factor = 1 + jitter * (2 * unit - 1)
        return Durations.clamped(seconds: capped * factor)
    }

    func validate() throws {
        guard initial > .zero, maximum >= initial, multiplier >= 1, multiplier.isFinite, (0...1).contains(jitter)
        else {
            throw BticinoError(
                .invalidConfiguration,
                "backoff needs initial > 0, maximum >= initial, a finite multiplier >= 1 and jitter in 0...1")
        }
    }
}
