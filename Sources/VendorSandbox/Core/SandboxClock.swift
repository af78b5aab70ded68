import Foundation
import Synchronization

/// The sandbox's clock: real time plus an offset a test moves forward, so cookies and tokens can
/// expire without anyone waiting.
///
/// Only expiry reads this clock (session cookies, access tokens, `Retry-After` dates). Injected
/// delays and trickled bodies take real time: they exist to exercise the client's own timers.
///
/// ```swift
/// sandbox.clock.advance(by: .seconds(3600))   // every token issued an hour ago has now expired
/// ```
public final class SandboxClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    /// A clock at real time.
    public init() {}

    /// The sandbox's current time.
    public var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    /// How far the clock has been moved ahead of real time.
    public var advanced: Duration {
        .milliseconds(Int64((offset.withLock { $0 } * 1000).rounded()))
    }

    /// Moves the clock forward by `duration` (a negative duration is ignored: time does not run back).
    public func advance(by duration: Duration) {
        let parts = duration.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        guard seconds > 0 else { return }
        offset.withLock { $0 += seconds }
    }

    /// Puts the clock back to real time.
    public func reset() {
        offset.withLock { $0 = 0 }
    }
}
