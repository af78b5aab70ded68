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

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// The longest duration ``seconds(clamping:)`` produces: 10¹² seconds (about 31,700 years),
    /// far beyond any real wait and far inside what `Duration` and `Int64` milliseconds can hold.
    public static let clampingLimit: Duration = .seconds(1_000_000_000_000)

    /// A duration from a (possibly fractional) number of seconds that never traps, whatever a
    /// server or caller wrote: negative values and NaN give zero; values above
    /// ``clampingLimit`` (infinity included) give ``clampingLimit``.
    public static func seconds(clamping value: Double) -> Duration {
        guard value > 0 else { return .zero }  // also false for NaN
        let limit = Double(clampingLimit.components.seconds)
        guard value < limit else { return clampingLimit }
        return .milliseconds(Int64((value * 1000).rounded()))
    }
}
