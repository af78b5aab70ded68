import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serialises the read-modify-write of token files that share a folder.
///
/// Two layers, because a merge that reads the old file and renames a new one over it loses the
/// other writer's members when two run at once: an in-process queue per folder, shared by every
/// ``FileTokenStore`` (waiters suspend instead of blocking a thread), then an advisory `flock` on the
/// folder itself, so other processes that lock the same way (another instance of the host app, a CLI
/// built on AuthCore) take turns too, and so do stores in this process that spell the folder
/// differently. Locking the folder rather than a sidecar file leaves no extra file next to the token.
enum TokenFileLock {
    /// Runs `body` while holding both locks for `folder`; `body` gets the folder's descriptor.
    ///
    /// `body` must not suspend: the `flock` belongs to this call, not to a thread.
    static func withLock<T>(folder: URL, _ body: (Int32) throws -> T) async throws -> T {
        let key = folder.standardizedFileURL.path
        await FolderQueue.shared.acquire(key)
        let result = Result { try withFlock(folder: folder, body) }
        await FolderQueue.shared.release(key)
        return try result.get()
    }

    private static func withFlock<T>(folder: URL, _ body: (Int32) throws -> T) throws -> T {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TokenStoreError(
                code: .ioFailure, path: folder.path,
                reason: "cannot open the token folder to lock it (\(TokenFileLock.describe(errno)))"
            )
        }
        defer { close(descriptor) }
        // A file system without advisory locks (rare network mounts) still gets the in-process queue.
        var locked = flock(descriptor, LOCK_EX)
        while locked != 0, errno == EINTR { locked = flock(descriptor, LOCK_EX) }
        defer { if locked == 0 { flock(descriptor, LOCK_UN) } }
        return try body(descriptor)
    }

    /// The C library's text for an error number; never holds file contents.
    static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code))), errno \(code)"
    }
}

/// A first-come, first-served lock per key whose waiters suspend.
private actor FolderQueue {
    static let shared = FolderQueue()

    /// Keys currently held, each with the continuations waiting for it, oldest first.
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ key: String) async {
        guard waiting[key] != nil else {
            waiting[key] = []
            return
        }
        await withCheckedContinuation { continuation in
            waiting[key, default: []].append(continuation)
        }
    }

    func release(_ key: String) {
        guard var queue = waiting[key] else { return }
        guard !queue.isEmpty else {
            waiting[key] = nil
            return
        }
        let next = queue.removeFirst()
        waiting[key] = queue
        next.resume()
    }
}
