import AuthCore
import Foundation

extension BticinoClient {
    /// Logs in now (or refreshes) instead of on the first call. Most apps never call it.
    ///
    /// - Throws: `APIError` of kind `authenticationFailed` for wrong credentials (with the real
    ///   HTTP status and Netatmo's code, for example `invalid_grant`), a transient kind for network
    ///   and server failures; ``BticinoError`` `missingTokens` when the answer lacks a token.
    public func login() async throws {
        _ = try await accessToken()
    }

    /// A valid access token (for the websockets).
    func accessToken() async throws -> AccessToken {
        do {
            return try await tokens.accessToken()
        } catch let error as APIError {
            if let own = Self.ownError(in: error) { throw own }
            throw error
        }
    }

    /// A token newer than `version`, refreshing when needed.
    func accessToken(afterRejecting version: CredentialVersion) async throws -> AccessToken {
        do {
            return try await tokens.accessToken(afterRejecting: version)
        } catch let error as APIError {
            if let own = Self.ownError(in: error) { throw own }
            throw error
        }
    }

    /// A valid access token, logging in or refreshing first when needed (pybticino's
    /// `get_access_token()`), for calls BticinoKit does not make itself.
    public func validAccessToken() async throws -> Secret {
        try await accessToken().value
    }

    /// Installs saved tokens without validating them (pybticino's `set_tokens`); the next call
    /// refreshes them when they are expired. ``restore(_:)`` also validates them.
    public func setToken(_ token: OAuth2Token?) async {
        await tokens.setToken(token)
    }

    /// The token currently held (to save it), if any.
    public func currentToken() async -> OAuth2Token? {
        await tokens.currentToken
    }

    /// Forgets the token (and removes it from the token store).
    public func signOut() async {
        await tokens.signOut()
    }

    /// Restores saved tokens and validates them once by loading the topology — the Home Assistant
    /// pattern. An expired token is refreshed first; a refused refresh falls back to a login when
    /// credentials are configured.
    ///
    /// - Returns: ``BticinoRestoreOutcome/ready(_:)`` with the topology, ``BticinoRestoreOutcome/reauthenticate(_:)``
    ///   when the user has to sign in again, or ``BticinoRestoreOutcome/retryLater(_:)`` for a failure that may pass.
    public func restore(_ token: OAuth2Token) async -> BticinoRestoreOutcome {
        await tokens.setToken(token)
        do {
            // A restored token inside the refresh skew is renewed now (the manager would judge a
            // token it just received by half its remaining life instead).
            let current = try await accessToken()
            if token.needsRefresh(at: configuration.timeSource.now, skew: configuration.refreshSkew) {
                _ = try await accessToken(afterRejecting: current.version)
            }
            return .ready(try await topology())
        } catch let error as APIError where error.requiresReauthentication {
            return .reauthenticate(error)
        } catch let error as BticinoError where error.requiresReauthentication {
            return .reauthenticate(error)
        } catch {
            return .retryLater(error)
        }
    }
}

/// What ``BticinoClient/restore(_:)`` found.
public enum BticinoRestoreOutcome: Sendable {
    /// The tokens work; the topology was loaded with them.
    case ready(BticinoTopology)
    /// The tokens are dead and no login was possible: ask the user to sign in again.
    case reauthenticate(any Error)
    /// A failure that may pass (network, server, time-out): keep the tokens and try later.
    case retryLater(any Error)
}
