import Foundation

/// The clock and sleeper AuthCore uses for expiry checks, backoff, deadlines and polling.
///
/// Production code uses ``SystemTimeSource``. Tests inject a virtual clock so that nothing
/// waits for real time and every delay can be asserted exactly.
public protocol TimeSource: Sendable {
    /// The current wall-clock time.
    var now: Date { get }

    /// Suspends for `duration`, or throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemTimeSource: TimeSource {
    /// Creates the system time source.
    public init() {}

    /// The current time.
    public var now: Date { Date() }

    /// Sleeps on the continuous clock.
    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else {
            try Task.checkCancellation()
            return
        }
        try await Task.sleep(for: duration)
    }
}

/// Conversions between `Duration` and seconds as a `Double`, safe for any number a server or
/// caller writes. (A namespace rather than an extension, so AuthCore adds nothing to a type it
/// does not own.)
public enum Durations {
    /// The longest duration ``clamped(seconds:)`` produces: 10¹² seconds (about 31,700 years), far
    /// beyond any real wait and far inside what `Duration` and `Int64` milliseconds can hold.
    public static let limit: Duration = .seconds(1_000_000_000_000)

    /// The duration in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// A duration from a (possibly fractional) number of seconds that never traps: negative values
    /// and NaN give zero; values above ``limit`` (infinity included) give ``limit``.
    public static func clamped(seconds value: Double) -> Duration {
        guard value > 0 else { return .zero }  // also false for NaN
        let ceiling = Double(limit.components.seconds)
        guard value < ceiling else { return limit }
        return .milliseconds(Int64((value * 1000).rounded()))
    }
}

extension Duration {
    /// The duration in seconds (AuthCore's own shorthand for ``Durations/seconds(_:)``).
    var seconds: Double { Durations.seconds(self) }

    /// AuthCore's own shorthand for ``Durations/clamped(seconds:)``.
    static func seconds(clamping value: Double) -> Duration { Durations.clamped(seconds: value) }
}
