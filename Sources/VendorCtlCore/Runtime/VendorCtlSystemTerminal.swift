import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The controlling terminal (`/dev/tty`): prompts are written to it and answers read from it,
/// so neither passes through standard output, standard error or a pipe on standard input.
///
/// For secrets, echo is switched off with `termios` while the line is read and restored
/// afterwards, also when the read is interrupted with Ctrl-C (the signal handler restores the
/// terminal before the process ends).
public struct VendorCtlSystemTerminal: VendorCtlTerminal {
    /// The longest answer read, in bytes; a longer line is cut (nobody types more).
    public static let maximumLineLength = 4096

    /// The terminal device.
    public let devicePath: String

    /// A terminal on `devicePath`: the controlling terminal by default.
    public init(devicePath: String = "/dev/tty") {
        self.devicePath = devicePath
    }

    /// Asks on the terminal device; `nil` when there is none (or, for a secret, when echo cannot
    /// be switched off: a secret is never read from something that would show it).
    public func readLine(prompt: String, echo: Bool) throws -> String? {
        let descriptor = open(devicePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard !echo else {
            writeAll(prompt, to: descriptor)
            return readLine(from: descriptor)
        }
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else { return nil }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        // Echo goes off before the prompt is shown, so nothing typed after it is ever displayed.
        EchoRestorer.arm(descriptor: descriptor, settings: original)
        guard tcsetattr(descriptor, TCSAFLUSH, &silent) == 0 else {
            EchoRestorer.disarm()
            return nil
        }
        defer {
            tcsetattr(descriptor, TCSAFLUSH, &original)
            EchoRestorer.disarm()
            // The Return the person typed was not echoed either.
            writeAll("\n", to: descriptor)
        }
        writeAll(prompt, to: descriptor)
        return readLine(from: descriptor)
    }

    private func readLine(from descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { break }
            if bytes.count < Self.maximumLineLength { bytes.append(byte) }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// Restores terminal echo when SIGINT or SIGTERM arrives while a secret is being read, then lets
/// the signal end the process as it would have.
private enum EchoRestorer {
    // A signal handler cannot capture context, so what it needs lives in globals it only reads.
    nonisolated(unsafe) private static var descriptor: Int32 = -1
    nonisolated(unsafe) private static var settings = termios()
    private typealias Handler = @convention(c) (Int32) -> Void
    private static let handlers = Mutex<[Int32: Handler?]>([:])

    static func arm(descriptor: Int32, settings: termios) {
        Self.descriptor = descriptor
        Self.settings = settings
        handlers.withLock { saved in
            for signalNumber in [SIGINT, SIGTERM] {
                saved[signalNumber] = signal(signalNumber) { signalNumber in
                    var original = EchoRestorer.settings
                    tcsetattr(EchoRestorer.descriptor, TCSAFLUSH, &original)
                    signal(signalNumber, SIG_DFL)
                    raise(signalNumber)
                }
            }
        }
    }

    static func disarm() {
        handlers.withLock { saved in
            for (signalNumber, handler) in saved { signal(signalNumber, handler ?? SIG_DFL) }
            saved.removeAll()
        }
        descriptor = -1
    }
}
