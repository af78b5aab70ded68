import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pseudo-terminal pair: the test types into the main side; the code under test opens the
/// device at ``devicePath`` as its terminal, with a real line discipline (echo included).
final class PseudoTerminal {
    let main: Int32
    let devicePath: String

    /// Whether the machine can create one (containers without `/dev/ptmx` cannot).
    static var isAvailable: Bool { (try? PseudoTerminal()) != nil }

    init() throws {
        // posix_openpt and friends need _XOPEN_SOURCE, which the Glibc module is not built with,
        // so they are looked up in the C library at run time.
        let library = dlopen(nil, RTLD_NOW)
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Control = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let openSymbol = dlsym(library, "posix_openpt"), let grantSymbol = dlsym(library, "grantpt"),
            let unlockSymbol = dlsym(library, "unlockpt"), let nameSymbol = dlsym(library, "ptsname")
        else { throw POSIXError(.ENOSYS) }
        let descriptor = unsafeBitCast(openSymbol, to: Open.self)(O_RDWR | O_NOCTTY)
        guard descriptor >= 0 else { throw POSIXError(.ENODEV) }
        guard unsafeBitCast(grantSymbol, to: Control.self)(descriptor) == 0,
            unsafeBitCast(unlockSymbol, to: Control.self)(descriptor) == 0,
            let name = unsafeBitCast(nameSymbol, to: Name.self)(descriptor)
        else {
            close(descriptor)
            throw POSIXError(.ENODEV)
        }
        main = descriptor
        devicePath = String(cString: name)
    }

    deinit {
        close(main)
    }

    /// Types `text` as if at the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(main, $0.baseAddress, $0.count) }
    }

    /// Reads what the terminal displayed until `marker` appears (or 10 s pass without output, so a
    /// broken build fails instead of hanging).
    func read(until marker: String) -> String {
        var shown = ""
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !shown.contains(marker) {
            var request = pollfd(fd: main, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 10_000) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { readBytes(main, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            shown += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return shown
    }
}

/// `read(2)`, named apart from ``PseudoTerminal/read(until:)``.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
