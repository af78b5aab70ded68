import Foundation
import Synchronization

/// Where a command writes text: standard output or standard error, or a buffer in tests.
public protocol VendorCtlOutputStream: Sendable {
    /// Writes `text` as it is (the caller adds line breaks).
    func write(_ text: String)
}

/// A stream over a file handle of the process.
public struct VendorCtlFileOutput: VendorCtlOutputStream {
    private let handle: FileHandle

    /// The process's standard output.
    public static let standardOutput = VendorCtlFileOutput(handle: .standardOutput)
    /// The process's standard error.
    public static let standardError = VendorCtlFileOutput(handle: .standardError)

    /// Writes the UTF-8 bytes of `text`; a closed pipe is ignored (the exit code still tells).
    public func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}

/// A stream that keeps everything written to it, for tests and for embedding the tool.
public final class VendorCtlCapturedOutput: VendorCtlOutputStream {
    private let buffer = Mutex("")

    /// Creates an empty capture.
    public init() {}

    /// Appends `text`.
    public func write(_ text: String) {
        buffer.withLock { $0 += text }
    }

    /// Everything written so far.
    public var text: String { buffer.withLock { $0 } }
}
