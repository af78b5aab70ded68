import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the token in a JSON file, written atomically with mode 0600.
///
/// The file holds `access_token`, `refresh_token`, `expires_at` (Unix seconds), `token_type`,
/// `scope` and the token response's other members. Members it does not know (for example a
/// `client_id` a CLI stored there) are kept when it writes. A missing file means "no token";
/// a file that exists but cannot be read as a token is a ``TokenStoreError/Code/corrupt`` error,
/// never silently an empty state.
///
/// Each write goes to a new temporary file in the same folder, created with mode 0600 and
/// flushed to disk, then renamed over the old file, so a crash never leaves half a token behind
/// and the token is never readable by other users, not even briefly.
public struct FileTokenStore: TokenStore {
    /// The token file.
    public let url: URL

    /// Creates a store for the file at `url`. The folder must exist.
    public init(url: URL) {
        self.url = url
    }

    /// Reads the file.
    public func loadToken() async throws -> OAuth2Token? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw TokenStoreError(code: .ioFailure, path: url.path, reason: "the token file cannot be read")
        }
        guard let json = try? JSONValue(jsonData: data), case .object(let object) = json else {
            throw TokenStoreError(code: .corrupt, path: url.path, reason: "the token file is not a JSON object (truncated or damaged)")
        }
        do {
            var token = try JSONDecoder().decode(OAuth2Token.self, from: data)
            let known = Set(["access_token", "refresh_token", "expires_at", "token_type", "scope"])
            token.additionalFields = object.filter { !known.contains($0.key) }
            return token
        } catch {
            throw TokenStoreError(code: .corrupt, path: url.path, reason: "the token file has no usable access_token")
        }
    }

    /// Writes the token atomically with mode 0600, or deletes the file for `nil`.
    public func saveToken(_ token: OAuth2Token?) async throws {
        guard let token else {
            if FileManager.default.fileExists(atPath: url.path) {
                do { try FileManager.default.removeItem(at: url) } catch {
                    throw TokenStoreError(code: .ioFailure, path: url.path, reason: "the token file cannot be removed")
                }
            }
            return
        }
        var object: [String: JSONValue] = [:]
        if let existing = try? Data(contentsOf: url), case .object(let previous)? = try? JSONValue(jsonData: existing) {
            object = previous
        }
        for (key, value) in token.additionalFields { object[key] = value }
        if case .object(let members) = try JSONValue(jsonData: JSONEncoder().encode(token)) {
            for (key, value) in members { object[key] = value }
        }
        if token.refreshToken == nil { object["refresh_token"] = nil }
        if token.expiresAt == nil { object["expires_at"] = nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(try encoder.encode(JSONValue.object(object)))
    }

    private func writeAtomically(_ data: Data) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw TokenStoreError(code: .ioFailure, path: url.path, reason: "cannot create a temporary file (errno \(errno))")
        }
        var failed = fchmod(descriptor, 0o600) != 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while !failed, offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { failed = true } else { offset += written }
            }
        }
        if fsync(descriptor) != 0 { failed = true }
        close(descriptor)
        guard !failed, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw TokenStoreError(code: .ioFailure, path: url.path, reason: "cannot write the token file (errno \(errno))")
        }
    }
}
