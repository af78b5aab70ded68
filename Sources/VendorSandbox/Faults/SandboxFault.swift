/// A misbehaviour the sandbox puts into its answers: one or more steps, each used by one request
/// to the route it was injected on, in order.
///
/// ```swift
/// sandbox.faults.inject(.statusSequence([503, 503]), on: .flowerhub(.asset))   // two 503s, then normal
/// sandbox.faults.inject(.rateLimited(retryAfterSeconds: 1), on: .businessCentral(.customers))
/// sandbox.faults.inject(.connectionResetMidBody(), on: .entra(.token))
/// sandbox.faults.inject(.status(503).forever(), on: .vendor(.businessCentral))
/// ```
///
/// Error statuses are answered in the vendor's own words (Business Central's `{"error":{…}}`,
/// Entra ID's AADSTS body, Flowerhub's empty 401 or HTML 5xx). A 2xx step answers normally, so
/// `statusSequence([503, 503, 200])` is the same as `statusSequence([503, 503])`.
public struct SandboxFault: Sendable, Equatable, CustomStringConvertible {
    /// One answer's misbehaviour.
    enum Step: Sendable, Equatable {
        /// The vendor's error answer for this status (a 2xx answers normally).
        case status(Int)
        /// 429 with `Retry-After` as a number of seconds, or as an HTTP date that many seconds ahead.
        case rateLimited(seconds: Int, asDate: Bool)
        /// The normal answer, after a wait.
        case delay(Duration)
        /// The normal answer, its body sent `chunkSize` bytes at a time with `interval` between.
        case trickle(chunkSize: Int, interval: Duration)
        /// The normal answer's head and its first bytes (half the body when `nil`), then the
        /// connection is reset.
        case resetMidBody(afterBytes: Int?)
        /// The normal answer cut in half, with a `Content-Length` that fits the cut body.
        case truncatedJSON
        /// A gateway's HTML error page with this status.
        case htmlErrorPage(status: Int)
        /// The normal answer labelled with another content type.
        case wrongContentType(String)
        /// This status with no body at all.
        case emptyBody(status: Int)
        /// The normal answer (or the vendor's error answer for `status`) padded with trailing
        /// white space to `bytes` (still valid JSON when it was JSON).
        case oversizedBody(bytes: Int, status: Int?)
    }

    /// The steps, in the order requests meet them.
    let steps: [Step]
    /// Whether the last step stays in place after the others were used (it is never used up).
    let isPermanent: Bool

    init(steps: [Step], isPermanent: Bool = false) {
        self.steps = steps
        self.isPermanent = isPermanent
    }

    /// The vendor's error answer for `status` (or, for a 2xx, the normal answer), once.
    public static func status(_ status: Int) -> SandboxFault {
        SandboxFault(steps: [.status(status)])
    }

    /// The vendor's error answers for `statuses`, one request each, in order (a 2xx answers normally).
    public static func statusSequence(_ statuses: [Int]) -> SandboxFault {
        SandboxFault(steps: statuses.map(Step.status))
    }

    /// 429 in the vendor's words with `Retry-After: <seconds>`.
    public static func rateLimited(retryAfterSeconds seconds: Int) -> SandboxFault {
        SandboxFault(steps: [.rateLimited(seconds: max(0, seconds), asDate: false)])
    }

    /// 429 in the vendor's words with `Retry-After` as an HTTP date `seconds` ahead of the sandbox's clock.
    public static func rateLimited(retryAfterDateIn seconds: Int) -> SandboxFault {
        SandboxFault(steps: [.rateLimited(seconds: max(0, seconds), asDate: true)])
    }

    /// The normal answer after `duration` of real time (to run into a client's time limit).
    public static func delay(_ duration: Duration) -> SandboxFault {
        SandboxFault(steps: [.delay(max(.zero, duration))])
    }

    /// The normal answer with its body trickled: `chunkSize` bytes, then `interval` of real time, and so on.
    public static func trickle(chunkSize: Int = 8, interval: Duration = .milliseconds(50)) -> SandboxFault {
        SandboxFault(steps: [.trickle(chunkSize: max(1, chunkSize), interval: max(.zero, interval))])
    }

    /// The normal answer's head (with the full `Content-Length`) and its first `afterBytes` bytes
    /// (half the body when `nil`), then the connection is reset.
    public static func connectionResetMidBody(afterBytes: Int? = nil) -> SandboxFault {
        SandboxFault(steps: [.resetMidBody(afterBytes: afterBytes.map { max(0, $0) })])
    }

    /// The normal answer cut in half: a complete HTTP message carrying broken JSON.
    public static let truncatedJSON = SandboxFault(steps: [.truncatedJSON])

    /// An HTML error page with `status`, as a proxy or gateway in front of the vendor sends.
    public static func htmlErrorPage(status: Int = 502) -> SandboxFault {
        SandboxFault(steps: [.htmlErrorPage(status: status)])
    }

    /// The normal answer labelled `contentType` (by default an HTML page's).
    public static func wrongContentType(_ contentType: String = "text/html; charset=utf-8") -> SandboxFault {
        SandboxFault(steps: [.wrongContentType(contentType)])
    }

    /// `status` (by default 200) with an empty body.
    public static func emptyBody(status: Int = 200) -> SandboxFault {
        SandboxFault(steps: [.emptyBody(status: status)])
    }

    /// The normal answer (or, with `status`, the vendor's error answer) padded to `bytes` with
    /// trailing white space: 20 MB by default, at most ``maximumOversizedBody``.
    public static func oversizedBody(bytes: Int = 20 * 1024 * 1024, status: Int? = nil) -> SandboxFault {
        SandboxFault(steps: [.oversizedBody(bytes: min(max(0, bytes), maximumOversizedBody), status: status)])
    }

    /// The largest body ``oversizedBody(bytes:status:)`` builds: 256 MB (the body is held in memory).
    public static let maximumOversizedBody = 256 * 1024 * 1024

    /// The most repetitions ``times(_:)`` makes; use ``forever()`` for a fault without end.
    public static let maximumRepetitions = 10_000

    /// These faults one after another.
    public static func sequence(_ faults: [SandboxFault]) -> SandboxFault {
        SandboxFault(steps: faults.flatMap(\.steps), isPermanent: faults.last?.isPermanent ?? false)
    }

    /// This fault's steps repeated `count` times (at most ``maximumRepetitions``).
    public func times(_ count: Int) -> SandboxFault {
        let count = min(max(0, count), SandboxFault.maximumRepetitions)
        return SandboxFault(steps: Array(repeating: steps, count: count).flatMap { $0 }, isPermanent: isPermanent)
    }

    /// This fault with its last step applied to every later request too, until cleared.
    public func forever() -> SandboxFault {
        SandboxFault(steps: steps, isPermanent: true)
    }

    /// How many requests the fault applies to (`Int.max` when ``forever()``).
    public var requestCount: Int { isPermanent ? Int.max : steps.count }

    /// The steps, short and without secrets: `503,503`, `429 Retry-After 2s`, `reset mid-body`…
    public var description: String {
        let text = steps.map(\.label).joined(separator: ",")
        return isPermanent ? text + " (forever)" : text
    }
}

extension SandboxFault.Step {
    /// A short name for test names and the recording.
    var label: String {
        switch self {
        case .status(let status): return String(status)
        case .rateLimited(let seconds, let asDate):
            return asDate ? "429 Retry-After date +\(seconds)s" : "429 Retry-After \(seconds)s"
        case .delay(let duration): return "delay \(SandboxFault.Step.milliseconds(duration))ms"
        case .trickle(let chunk, let interval):
            return "trickle \(chunk)B/\(SandboxFault.Step.milliseconds(interval))ms"
        case .resetMidBody(let bytes): return bytes.map { "reset after \($0)B" } ?? "reset mid-body"
        case .truncatedJSON: return "truncated JSON"
        case .htmlErrorPage(let status): return "HTML \(status)"
        case .wrongContentType(let type): return "content type \(type)"
        case .emptyBody(let status): return "empty \(status)"
        case .oversizedBody(let bytes, let status):
            let size = bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024))MB" : "\(bytes)B"
            return "oversized \(size)" + (status.map { " \($0)" } ?? "")
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
