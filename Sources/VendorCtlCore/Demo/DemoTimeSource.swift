import AuthCore
import Foundation
import Synchronization

/// The real clock, remembering every wait the clients asked for, so a step can say how long a
/// retry waited.
final class DemoTimeSource: TimeSource {
    private let waits = Mutex<[Duration]>([])

    var now: Date { Date() }

    func sleep(for duration: Duration) async throws {
        waits.withLock { $0.append(duration) }
        try await Task.sleep(for: duration)
    }

    /// The waits since the last call, then forgets them.
    func takeWaits() -> [Duration] {
        waits.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }
}

/// Text for the demo's lines.
enum DemoText {
    /// `1,500`: grouped digits, the same on every machine.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `1 request`, `2 requests`.
    static func plural(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// `0.1 s`, `1 s`: a wait, to a tenth of a second.
    static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        let tenths = parts.seconds * 10 + parts.attoseconds / 100_000_000_000_000_000
        return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
    }

    /// `15 min`, `1 h`: how far the sandbox clock was moved.
    static func span(_ duration: Duration) -> String {
        let minutes = duration.components.seconds / 60
        return minutes % 60 == 0 && minutes > 0 ? "\(minutes / 60) h" : "\(minutes) min"
    }

    /// The waits as one phrase: `after 0.1 s`, or `at once` when there was none.
    static func waited(_ waits: [Duration]) -> String {
        let total = waits.reduce(Duration.zero, +)
        return total == .zero ? "at once" : "after \(seconds(total))"
    }
}
