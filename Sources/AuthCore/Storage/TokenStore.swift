/// Where a ``TokenManager`` keeps its token between runs.
///
/// AuthCore offers ``MemoryTokenStore``, ``FileTokenStore`` (atomic, mode 0600) and
/// ``ClosureTokenStore`` (the host app persists, for example in a keychain or its config entry).
public protocol TokenStore: Sendable {
    /// The stored token, or `nil` when there is none.
    ///
    /// - Throws: ``TokenStoreError`` when stored data exists but cannot be read.
    func loadToken() async throws -> OAuth2Token?

    /// Saves `token`, or removes the stored one when it is `nil`.
    func saveToken(_ token: OAuth2Token?) async throws
}

/// Keeps the token in memory only.
public actor MemoryTokenStore: TokenStore {
    private var token: OAuth2Token?

    /// Creates a store, optionally holding a token already.
    public init(token: OAuth2Token? = nil) {
        self.token = token
    }

    /// The token held.
    public func loadToken() async throws -> OAuth2Token? { token }

    /// Replaces the token held.
    public func saveToken(_ token: OAuth2Token?) async throws { self.token = token }
}

/// Lets the host app persist tokens its own way.
public struct ClosureTokenStore: TokenStore {
    private let load: @Sendable () async throws -> OAuth2Token?
    private let save: @Sendable (OAuth2Token?) async throws -> Void

    /// Creates a store from two functions.
    public init(
        load: @escaping @Sendable () async throws -> OAuth2Token?,
        save: @escaping @Sendable (OAuth2Token?) async throws -> Void
    ) {
        self.load = load
        self.save = save
    }

    /// Calls the load function.
    public func loadToken() async throws -> OAuth2Token? { try await load() }

    /// Calls the save function.
    public func saveToken(_ token: OAuth2Token?) async throws { try await save(token) }
}
