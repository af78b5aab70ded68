import AuthCore
import Foundation
import Synchronization

/// A time source on the real clock whose sleeps are short: a backoff or `Retry-After` wait asked
/// for `d` takes `d / 100` of real time, at most 20 ms, and is recorded as asked.
///
/// The clients' `now` stays real, so cookies and tokens age as the sandbox's clock says; only
/// waiting between attempts and between polls is compressed, which keeps the suite fast.
final class FastTimeSource: TimeSource {
    private let recorded = Mutex<[Duration]>([])

    /// Every sleep asked for, as asked.
    var sleeps: [Duration] { recorded.withLock { $0 } }

    var now: Date { Date() }

    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
        try await Task.sleep(for: min(duration / 100, .milliseconds(20)))
    }
}
