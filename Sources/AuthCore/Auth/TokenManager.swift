import Foundation
import Logging

/// Owns an OAuth 2 token: loads it, hands it out, refreshes it once for everyone, stores it.
///
/// - Lazy: nothing happens until the first ``accessToken()``; then the store is read and, if it
///   has nothing, the grant obtains a first token (a password login, client credentials).
/// - Proactive: a token that expires within ``Configuration/refreshSkew`` is refreshed before use.
///   The skew never exceeds half the lifetime of a token the manager received itself, so a
///   short-lived token is not refreshed on every call because the skew is longer than it lives.
/// - Reactive: after a 401, ``accessToken(afterRejecting:)`` refreshes, unless the rejected
///   version is already stale, in which case the newer token is returned without a refresh.
/// - Single flight: any number of concurrent callers share one token request; a caller that is
///   cancelled while waiting does not cancel the refresh for the others.
/// - Terminal vs transient: a refresh the server refuses (`invalid_grant` and friends) forgets
///   the token and throws `reauthenticationRequired` (after trying a silent re-login when the
///   grant allows one); a network or server failure keeps the token and throws a transient error.
/// - A refreshed token is merged over the old one, so a refresh token that was not rotated is kept.
/// - Every change is saved to the ``TokenStore`` and reported to `onChange`.
public actor TokenManager: AccessTokenProvider, CustomReflectable {
    /// Settings.
    public struct Configuration: Sendable {
        /// How long before expiry a token is refreshed. Default 60 s.
        public var refreshSkew: Duration
        /// The refresh-loop guard; `nil` disables it (not recommended).
        public var refreshWindow: RefreshWindow?
        /// Where persistence failures are reported (never with token values).
        public var logger: Logger?

        /// Creates settings.
        public init(
            refreshSkew: Duration = .seconds(60), refreshWindow: RefreshWindow? = RefreshWindow(), logger: Logger? = nil
        ) {
            self.refreshSkew = refreshSkew
            self.refreshWindow = refreshWindow
            self.logger = logger
        }
    }

    private let grant: any TokenGrant
    private let store: (any TokenStore)?
    private let configuration: Configuration
    private let timeSource: any TimeSource
    private let onChange: (@Sendable (OAuth2Token?) async -> Void)?
    private var token: OAuth2Token?
    /// When the manager received ``token`` from a grant or ``setToken(_:)``; with its expiry this
    /// gives the token's lifetime. `nil` for a stored or initial token, whose lifetime is unknown.
    private var tokenReceivedAt: Date?
    private var version: UInt64 = 0
    private var loaded: Bool
    private var inflight: Task<AccessToken, any Error>?
    private var refreshHistory: [Date] = []

    /// Creates a manager.
    ///
    /// - Parameters:
    ///   - grant: How tokens are obtained and refreshed.
    ///   - store: Where tokens are loaded from and saved to; `nil` keeps them in memory only.
    ///   - initialToken: A token to start with (then the store is not read on first use).
    ///   - configuration: The refresh skew, the refresh-loop guard and the logger.
    ///   - timeSource: The clock expiry is checked against (a virtual one in tests).
    ///   - onChange: Called after every change (new token, or `nil` when it was forgotten).
    public init(
        grant: any TokenGrant,
        store: (any TokenStore)? = nil,
        initialToken: OAuth2Token? = nil,
        configuration: Configuration = Configuration(),
        timeSource: any TimeSource = SystemTimeSource(),
        onChange: (@Sendable (OAuth2Token?) async -> Void)? = nil
    ) {
        self.grant = grant
        self.store = store
        self.configuration = configuration
        self.timeSource = timeSource
        self.onChange = onChange
        self.token = initialToken
        self.loaded = initialToken != nil || store == nil
        if initialToken != nil { version = 1 }
    }

    /// Shows nothing of the token, the grant or the store: `dump()` of a manager, or of anything
    /// holding one, must not print credentials or the token response's other members.
    public nonisolated var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .class)
    }

    /// The token currently held, if any.
    public var currentToken: OAuth2Token? { token }

    /// A valid access token, obtaining or refreshing first if needed.
    public func accessToken() async throws -> AccessToken {
        try await loadIfNeeded()
        if let inflight { return try await inflight.value }
        if let token, !token.needsRefresh(at: timeSource.now, skew: effectiveSkew(for: token)) {
            return AccessToken(value: token.accessToken, version: CredentialVersion(version))
        }
        return try await sharedRefresh()
    }

    /// A token newer than the rejected `version`: the current one if it is already newer, else a refreshed one.
    public func accessToken(afterRejecting rejected: CredentialVersion) async throws -> AccessToken {
        try await loadIfNeeded()
        if let inflight { return try await inflight.value }
        if rejected.rawValue < version, let token {
            return AccessToken(value: token.accessToken, version: CredentialVersion(version))
        }
        return try await sharedRefresh()
    }

    /// Replaces the token (for example after an authorization-code exchange), saving and reporting it.
    public func setToken(_ newToken: OAuth2Token?) async {
        loaded = true
        await install(newToken)
    }

    /// Forgets the token and removes it from the store.
    public func signOut() async {
        await setToken(nil)
    }

    /// The configured skew, at most half the token's lifetime when the manager knows it (from
    /// receiving the token to its expiry). A stored token is judged by the configured skew; the
    /// token that replaces it is then capped.
    func effectiveSkew(for token: OAuth2Token) -> Duration {
        guard let expiresAt = token.expiresAt, let receivedAt = tokenReceivedAt else {
            return configuration.refreshSkew
        }
        let halfLife = Duration.seconds(clamping: expiresAt.timeIntervalSince(receivedAt) / 2)
        return min(configuration.refreshSkew, halfLife)
    }

    private func loadIfNeeded() async throws {
        guard !loaded, let store else { return }
        token = try await store.loadToken()
        loaded = true
        if token != nil { version += 1 }
    }

    private func sharedRefresh() async throws -> AccessToken {
        if let inflight { return try await inflight.value }
        let task = Task { try await self.runRefresh() }
        inflight = task
        return try await task.value
    }

    private func runRefresh() async throws -> AccessToken {
        defer { inflight = nil }
        let previous = token
        if let window = configuration.refreshWindow {
            try window.admit(at: timeSource.now, history: &refreshHistory)
        }
        do {
            let fresh = try await renew(previous)
            await install(fresh.merged(over: previous))
            return AccessToken(value: fresh.accessToken, version: CredentialVersion(version))
        } catch let error as APIError where error.requiresReauthentication {
            if previous != nil { await install(nil) }
            guard previous != nil, error.kind != .reauthenticationRequired else { throw error }
            throw error.recast(.reauthenticationRequired, "the credentials could not be refreshed; sign in again")
        }
    }

    private func renew(_ previous: OAuth2Token?) async throws -> OAuth2Token {
        guard let previous, previous.refreshToken != nil || grant.canObtainWithoutUser else {
            return try await grant.obtainToken()
        }
        do {
            return try await grant.refresh(previous)
        } catch let error as APIError
            where error.requiresReauthentication && grant.canObtainWithoutUser && previous.refreshToken != nil
        {
            configuration.logger?.debug(
                "refresh refused; obtaining a new token", metadata: ["vendor_code": "\(error.vendorCode ?? "-")"])
            return try await grant.obtainToken()
        }
    }

    private func install(_ newToken: OAuth2Token?) async {
        token = newToken
        tokenReceivedAt = newToken == nil ? nil : timeSource.now
        version += 1
        if let store {
            do {
                try await store.saveToken(newToken)
            } catch {
                configuration.logger?.warning(
                    "could not save token", metadata: ["error": "\(APIError.safeSummary(of: error))"])
            }
        }
        await onChange?(newToken)
    }
}
