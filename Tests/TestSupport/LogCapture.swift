import Logging
import Synchronization

/// Collects everything logged through its ``logger``, at trace level, for assertions.
public final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    /// Creates a capture.
    public init() {}

    /// A logger at `.trace` that writes here.
    public var logger: Logger {
        var logger = Logger(label: "test.capture", factory: { _ in CaptureHandler(capture: self) })
        logger.logLevel = .trace
        return logger
    }

    /// Every line: level, message and metadata.
    public var text: String { lines.withLock { $0.joined(separator: "\n") } }

    /// How many lines were logged.
    public var count: Int { lines.withLock { $0.count } }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}

private struct CaptureHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message) \(rendered)")
    }
}
