import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small file only its owner may read: read without following links and up to a size cap,
/// written atomically with mode 0600, removed on sign-out.
struct PrivateFile: Sendable {
    /// The largest file read (256 KiB); session files are a few kilobytes.
    static let maximumSize = 256 * 1024

    /// What is at the path.
    enum Contents {
        case missing
        case data(Data)
    }

    let url: URL

    /// Reads the file.
    ///
    /// - Throws: ``CommandFailure`` of class `authentication` when something unusable is there (a
    ///   link, a folder, a file over the cap): the session it should hold cannot be used.
    func load() throws -> Contents {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return .missing }
            throw damaged("cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw damaged("is not a regular file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while data.count <= Self.maximumSize {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        guard data.count <= Self.maximumSize else { throw damaged("is larger than \(Self.maximumSize) bytes") }
        return .data(data)
    }

    /// Replaces the file with `data` through a new 0600 file renamed over it.
    func save(_ data: Data) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw cannotWrite(errno) }
        var failure: Int32 = fchmod(descriptor, 0o600) == 0 ? 0 : errno
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while failure == 0, offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno != EINTR {
                    failure = errno
                }
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary.path, url.path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary.path)
            throw cannotWrite(failure)
        }
    }

    /// Removes the file (a link at the path, never its target); `false` when there was none.
    @discardableResult
    func remove() throws -> Bool {
        if unlink(url.path) == 0 { return true }
        guard errno == ENOENT else { throw cannotWrite(errno) }
        return false
    }

    private func damaged(_ reason: String) -> CommandFailure {
        .authentication("the file \(url.path) \(reason); remove it or sign in again")
    }

    private func cannotWrite(_ code: Int32) -> CommandFailure {
        CommandFailure(.localFiles, "cannot write \(url.path) (\(String(cString: strerror(code))))")
    }
}
