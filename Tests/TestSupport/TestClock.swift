import AuthCore
import Foundation
import Synchronization

/// A virtual clock: time moves only when the test (or a sleep, in immediate mode) moves it.
///
/// - `.immediate`: every sleep returns at once, advancing `now` by its duration and recording it.
///   Backoff and polling tests read ``sleeps``.
/// - `.manual`: sleeps wait until ``advance(by:)`` moves time past their end. Deadline tests use it.
public final class TestClock: TimeSource {
    /// How sleeps behave.
    public enum Mode: Sendable {
        /// Sleeps return at once.
        case immediate
        /// Sleeps wait for `advance(by:)`.
        case manual
    }

    private struct Sleeper {
        var wake: Date
        var continuation: CheckedContinuation<Void, any Error>
        var id: UInt64
    }

    private struct State {
        var now: Date
        var sleeps: [Duration] = []
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
    }

    private let mode: Mode
    private let state: Mutex<State>

    /// 2026-03-15 12:00:00 UTC.
    public static let defaultStart = Date(timeIntervalSince1970: 1_773_576_000)

    /// Creates a clock.
    public init(mode: Mode = .immediate, now: Date = TestClock.defaultStart) {
        self.mode = mode
        self.state = Mutex(State(now: now))
    }

    /// The virtual time.
    public var now: Date { state.withLock { $0.now } }

    /// Every sleep requested, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// How many sleeps are waiting (manual mode).
    public var pendingSleepers: Int { state.withLock { $0.sleepers.count } }

    /// Moves time forward, waking sleepers whose end has come.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.addingTimeInterval(Durations.seconds(duration))
            let now = state.now
            let due = state.sleepers.filter { $0.wake <= now }
            state.sleepers.removeAll { $0.wake <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits (by yielding, not by time) until `count` sleepers are waiting.
    public func waitForSleepers(_ count: Int) async {
        for _ in 0..<100_000 where pendingSleepers < count { await Task.yield() }
    }

    /// Sleeps in virtual time.
    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        switch mode {
        case .immediate:
            state.withLock {
                $0.sleeps.append(duration)
                $0.now = $0.now.addingTimeInterval(Durations.seconds(duration))
            }
            await Task.yield()
            try Task.checkCancellation()
        case .manual:
            let id = state.withLock { state -> UInt64 in
                state.sleeps.append(duration)
                state.nextID += 1
                return state.nextID
            }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    // Checked under the lock so a cancellation that lands before the sleeper is
                    // registered cannot leave it waiting forever.
                    enum Outcome { case wait, wake, cancelled }
                    let outcome = state.withLock { state -> Outcome in
                        if Task.isCancelled { return .cancelled }
                        let wake = state.now.addingTimeInterval(Durations.seconds(duration))
                        if wake <= state.now { return .wake }
                        state.sleepers.append(Sleeper(wake: wake, continuation: continuation, id: id))
                        return .wait
                    }
                    switch outcome {
                    case .wait: break
                    case .wake: continuation.resume()
                    case .cancelled: continuation.resume(throwing: CancellationError())
                    }
                }
            } onCancel: {
                let cancelled = state.withLock { state -> Sleeper? in
                    guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.sleepers.remove(at: index)
                }
                cancelled?.continuation.resume(throwing: CancellationError())
            }
        }
    }
}
