import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is at a token file's path.
enum TokenFileContents {
    /// Nothing.
    case missing
    /// A symbolic link, which is never followed.
    case symbolicLink
    /// A regular file larger than ``FileTokenStore/maximumFileSize``; only the cap plus one byte was read.
    case tooLarge
    /// A regular file's bytes.
    case data(Data)
}

extension FileTokenStore {
    /// Reads the token path without following a symbolic link and without reading past the size cap.
    ///
    /// - Throws: ``TokenStoreError/Code/ioFailure`` when something is there that cannot be read as a
    ///   regular file (no permission, an I/O error, a folder, a pipe or a socket).
    func readTokenFile() throws -> TokenFileContents {
        // O_NONBLOCK so a FIFO planted at the path cannot stall the caller; O_NOCTTY for devices.
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return .missing }
            if isSymbolicLink() { return .symbolicLink }
            throw ioFailure("the token file cannot be opened (\(TokenFileLock.describe(code)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ioFailure("the token file cannot be examined (\(TokenFileLock.describe(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ioFailure("the token path is not a regular file")
        }
        return try readCapped(descriptor)
    }

    private func readCapped(_ descriptor: Int32) throws -> TokenFileContents {
        let limit = Self.maximumFileSize + 1
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count < limit {
            let wanted = min(buffer.count, limit - data.count)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioFailure("the token file cannot be read (\(TokenFileLock.describe(errno)))")
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data.count > Self.maximumFileSize ? .tooLarge : .data(data)
    }

    private func isSymbolicLink() -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    func ioFailure(_ reason: String) -> TokenStoreError {
        TokenStoreError(code: .ioFailure, path: url.path, reason: reason)
    }

    func corrupt(_ reason: String) -> TokenStoreError {
        TokenStoreError(code: .corrupt, path: url.path, reason: reason)
    }
}
