import HTTPTypes

/// Identifies which credential signed a request, so a late 401 for an old credential does not
/// trigger a second refresh after someone else already refreshed.
public struct CredentialVersion: Hashable, Comparable, Sendable {
    /// A number that grows with every credential change.
    public let rawValue: UInt64

    /// Creates a version.
    public init(_ rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public static func < (lhs: CredentialVersion, rhs: CredentialVersion) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// Puts credentials on requests and restores them when the server rejects them.
///
/// The authentication layer calls ``authenticate(_:)`` before each attempt. When the attempt
/// fails with an authentication challenge (HTTP 401 by default), it calls
/// ``recover(fromRejectionOf:error:channel:)`` once; if that returns `true` the request is signed
/// again and retried once. A second challenge ends the call with `reauthenticationRequired`.
/// Requests the recovery needs (a session refresh) go through the ``RecoveryChannel``.
///
/// AuthCore's implementations: ``StaticCredentials`` (bearer, basic, API key),
/// ``BearerTokenAuthenticator`` over any ``AccessTokenProvider`` (such as ``TokenManager``), and
/// ``CookieSession``. Host apps may write their own.
public protocol APIAuthenticator: Sendable {
    /// Applies the current credential to `request` and says which version it used.
    func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion

    /// The server rejected a request signed with `version`. Make a better credential available.
    ///
    /// - Parameters:
    ///   - version: The credential version ``authenticate(_:)`` returned for the rejected request.
    ///   - channel: Sends requests through the inner part of the client's pipeline
    ///     (error mapping, cookies, transport), outside its concurrency limit.
    /// - Returns: `true` to retry the request once with a fresh credential, `false` when there is
    ///   nothing that could change (the call then fails with `authenticationFailed`).
    /// - Throws: ``APIError`` when restoring access failed (`reauthenticationRequired` when the
    ///   user must sign in again, a transient kind when it may work later).
    func recover(fromRejectionOf version: CredentialVersion, error: APIError, channel: RecoveryChannel) async throws
        -> Bool

    /// Whether `error` is the server rejecting the credential. Default: HTTP 401.
    func isAuthenticationChallenge(_ error: APIError) -> Bool
}

extension APIAuthenticator {
    /// HTTP 401 is a challenge; a 403 (not allowed) or a downstream failure is not.
    public func isAuthenticationChallenge(_ error: APIError) -> Bool {
        error.status == 401
    }
}
