import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileTokenStore {
    /// The file's new bytes: `token` merged over the members of the file there now.
    ///
    /// Runs under ``TokenFileLock``. A symbolic link is not read (its target's members are not ours),
    /// and neither is a corrupt or oversized file (a new login must be able to replace it); a file that
    /// is there but cannot be read throws, because overwriting it would silently drop its members.
    func encodedFile(for token: OAuth2Token) throws -> Data {
        var existing: [String: Any] = [:]
        let contents: TokenFileContents
        do {
            contents = try readTokenFile()
        } catch let error as TokenStoreError {
            throw ioFailure("\(error.reason); not overwritten, so the members it may hold are not lost")
        }
        if case .data(let data) = contents, let object = TokenFileMembers.object(from: data) {
            existing = object
        }
        let members = TokenFileMembers.merging(token, over: existing)
        let data: Data
        do {
            // Every member is a string, a finite number or a value that was read as JSON, but an
            // invalid object would raise an exception on Darwin, so check rather than trust.
            guard JSONSerialization.isValidJSONObject(members) else { throw CocoaError(.coderInvalidValue) }
            data = try JSONSerialization.data(
                withJSONObject: members, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            )
        } catch {
            throw ioFailure("the token cannot be encoded as JSON")
        }
        guard data.count <= Self.maximumFileSize else {
            throw ioFailure("the token file would be larger than \(Self.maximumFileSize) bytes; not written")
        }
        return data
    }

    /// Replaces the file with `data` through a new 0600 file renamed over it.
    ///
    /// `rename` replaces a symbolic link itself, so a link at the path becomes a regular file and its
    /// target is never written. `folder` is the locked folder's descriptor, synced so the rename lasts.
    func writeAtomically(_ data: Data, folder: Int32) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ioFailure("cannot create a temporary file (\(TokenFileLock.describe(errno)))")
        }
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
            throw ioFailure("cannot write the token file (\(TokenFileLock.describe(failure)))")
        }
        fsync(folder)
    }

    /// Removes the file (or a symbolic link at its path, never the link's target).
    func removeTokenFile() throws {
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw ioFailure("the token file cannot be removed (\(TokenFileLock.describe(errno)))")
        }
    }
}
