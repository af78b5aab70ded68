import HTTPTypes

/// An access token and the version of the credential it belongs to.
public struct AccessToken: Sendable, CustomStringConvertible {
    /// The token.
    public let value: Secret
    /// Its version.
    public let version: CredentialVersion

    /// Creates an access token.
    public init(value: Secret, version: CredentialVersion) {
        self.value = value
        self.version = version
    }

    /// Redacted.
    public var description: String { "AccessToken(version: \(version.rawValue), value: \(Redactor.placeholder))" }
}

/// Anything that can hand out a valid access token: AuthCore's ``TokenManager``, or the host
/// app's own token management (the "abstract auth" pattern, where the app owns refresh and storage).
public protocol AccessTokenProvider: Sendable {
    /// A valid access token, refreshing first if needed.
    func accessToken() async throws -> AccessToken

    /// The server rejected the token of `version`; return a newer one.
    ///
    /// If a newer token already exists (someone refreshed meanwhile), return it without
    /// refreshing again.
    func accessToken(afterRejecting version: CredentialVersion) async throws -> AccessToken
}

/// Sends an ``AccessTokenProvider``'s token as `Authorization: <scheme> <token>`.
public struct BearerTokenAuthenticator: APIAuthenticator {
    private let provider: any AccessTokenProvider
    private let scheme: String
    private let header: HTTPField.Name

    /// Creates an authenticator.
    ///
    /// - Parameters:
    ///   - provider: Where tokens come from.
    ///   - scheme: The authorization scheme; default `Bearer`.
    ///   - header: The header; default `Authorization`.
    public init(provider: any AccessTokenProvider, scheme: String = "Bearer", header: HTTPField.Name = .authorization) {
        self.provider = provider
        self.scheme = scheme
        self.header = header
    }

    /// Sets the header from the provider's current token.
    public func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion {
        let token = try await provider.accessToken()
        request.headerFields[header] = scheme.isEmpty ? token.value.revealed : "\(scheme) \(token.value.revealed)"
        return token.version
    }

    /// Asks the provider for a token newer than the rejected one.
    public func recover(
        fromRejectionOf version: CredentialVersion,
        error: APIError,
        channel: RecoveryChannel
    ) async throws -> Bool {
        _ = try await provider.accessToken(afterRejecting: version)
        return true
    }
}

/// Adapts a host app's "give me a valid token" function into an ``AccessTokenProvider``.
///
/// Versions follow the token's value: a different value is a new version. After a rejection
/// the function is called again (after `onRejected`, if given); if it returns the same token,
/// the call fails with `reauthenticationRequired` rather than looping.
public actor ClosureTokenProvider: AccessTokenProvider {
    private let fetch: @Sendable () async throws -> Secret
    private let onRejected: (@Sendable () async -> Void)?
    private var lastValue: Secret?
    private var version: UInt64 = 0

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - onRejected: Called when the server rejected the current token, before asking again
    ///     (for example to mark the host's token as expired).
    ///   - fetch: Returns a valid access token.
    public init(onRejected: (@Sendable () async -> Void)? = nil, fetch: @escaping @Sendable () async throws -> Secret) {
        self.fetch = fetch
        self.onRejected = onRejected
    }

    /// Calls the function and versions its answer.
    public func accessToken() async throws -> AccessToken {
        let value = try await fetch()
        if value != lastValue {
            lastValue = value
            version += 1
        }
        return AccessToken(value: value, version: CredentialVersion(version))
    }

    /// Asks again, failing if nothing changed.
    public func accessToken(afterRejecting rejected: CredentialVersion) async throws -> AccessToken {
        if rejected.rawValue < version, let lastValue {
            return AccessToken(value: lastValue, version: CredentialVersion(version))
        }
        await onRejected?()
        let token = try await accessToken()
        guard token.version > rejected else {
            throw APIError(
                kind: .reauthenticationRequired, message: "the token provider returned the rejected token again")
        }
        return token
    }
}
