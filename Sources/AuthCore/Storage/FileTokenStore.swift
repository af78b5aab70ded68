import Foundation

/// Keeps the token in a JSON file, written atomically with mode 0600.
///
/// The file holds `access_token`, `refresh_token`, `expires_at` (Unix seconds), `token_type`,
/// `scope` and the token response's other members. Members it does not know (for example a
/// `client_id` a CLI stored there) are kept when it writes.
///
/// Reading: a missing file means "no token". A file that exists but is not a token (not a JSON
/// object, larger than ``maximumFileSize``, an empty `access_token`, an `expires_at` that is not a
/// finite number) is a ``TokenStoreError/Code/corrupt`` error, never silently an empty state. A
/// symbolic link at the path, or anything else that is not a readable regular file, is an
/// ``TokenStoreError/Code/ioFailure``: the store never follows a link, so a link planted at the
/// path cannot make it use, or copy into the token file, another file's contents.
///
/// Writing: each write goes to a new temporary file in the same folder, created with mode 0600
/// and flushed to disk, then renamed over the old file, so a crash never leaves half a token
/// behind and the token is never readable by other users, not even briefly. A symbolic link at
/// the path is replaced by the new regular file; its target is neither read nor written. A corrupt
/// file is replaced too (a new login must be able to repair it), but a file that exists and cannot
/// be read makes the save throw ``TokenStoreError/Code/ioFailure`` and stay untouched, rather than
/// silently dropping the members it may hold.
///
/// Saves are serialised per folder: across all stores in the process, and through an advisory
/// `flock` on the folder with other processes that lock it the same way (where the file system
/// supports it). While another process holds that lock, a save waits for it on its thread.
public struct FileTokenStore: TokenStore {
    /// The largest token file read or written, in bytes (1 MiB); a larger file is corrupt.
    ///
    /// Real token files are a few kilobytes; the cap keeps a huge or endless file from being
    /// read into memory.
    public static let maximumFileSize = 1 << 20

    /// The token file.
    public let url: URL

    /// Creates a store for the file at `url`. The folder must exist.
    public init(url: URL) {
        self.url = url
    }

    /// Reads the file.
    ///
    /// - Returns: The token, or `nil` when there is no file.
    /// - Throws: ``TokenStoreError`` (`corrupt` or `ioFailure`, as described on the type).
    public func loadToken() async throws -> OAuth2Token? {
        switch try readTokenFile() {
        case .missing:
            return nil
        case .symbolicLink:
            throw ioFailure("the token path is a symbolic link, which is not followed")
        case .tooLarge:
            throw corrupt("the token file is larger than \(Self.maximumFileSize) bytes")
        case .data(let data):
            guard let members = TokenFileMembers.object(from: data) else {
                throw corrupt("the token file is not a JSON object (truncated or damaged)")
            }
            do {
                return try TokenFileMembers.token(from: members)
            } catch {
                throw corrupt(error.reason)
            }
        }
    }

    /// Writes the token atomically with mode 0600, or deletes the file for `nil`.
    ///
    /// - Throws: ``TokenStoreError/Code/ioFailure`` when the folder or the existing file cannot be
    ///   read or written, or the token would not fit in ``maximumFileSize``.
    public func saveToken(_ token: OAuth2Token?) async throws {
        let folder = url.deletingLastPathComponent()
        if token == nil, !FileManager.default.fileExists(atPath: folder.path) { return }
        try await TokenFileLock.withLock(folder: folder) { descriptor in
            guard let token else {
                try removeTokenFile()
                return
            }
            try writeAtomically(try encodedFile(for: token), folder: descriptor)
        }
    }
}
