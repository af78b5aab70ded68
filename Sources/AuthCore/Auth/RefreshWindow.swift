import Foundation

/// A guard against refresh loops: at most ``maximumRefreshes`` refreshes within ``interval``.
///
/// A server that rejects every fresh credential (for example after rotating its signing keys)
/// would otherwise make a client refresh forever. When the limit is reached the refresh fails
/// with `reauthenticationRequired` instead.
public struct RefreshWindow: Sendable, Equatable {
    /// The sliding window.
    public var interval: Duration
    /// The most refreshes allowed inside it.
    public var maximumRefreshes: Int

    /// Creates a window; the default allows 5 refreshes per 30 seconds.
    public init(interval: Duration = .seconds(30), maximumRefreshes: Int = 5) {
        self.interval = interval
        self.maximumRefreshes = maximumRefreshes
    }

    /// Records a refresh at `now` in `history` (pruned to the window), or throws if the limit is reached.
    func admit(at now: Date, history: inout [Date]) throws {
        history.removeAll { now.timeIntervalSince($0) >= interval.seconds }
        guard history.count < maximumRefreshes else {
            throw APIError(
                kind: .reauthenticationRequired,
                message:
                    "credentials were refreshed \(history.count) times within \(interval.seconds)s; stopping to avoid a refresh loop"
            )
        }
        history.append(now)
    }
}
