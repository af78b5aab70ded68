/// How a ``TokenManager`` gets and renews tokens.
public protocol TokenGrant: Sendable {
    /// Gets a token from scratch (password login, client credentials).
    ///
    /// - Throws: ``APIError`` of kind `reauthenticationRequired` when that needs a person (the
    ///   authorization-code flow), `authenticationFailed` when the credentials are refused.
    func obtainToken() async throws -> OAuth2Token

    /// Renews `token`, normally with its refresh token.
    func refresh(_ token: OAuth2Token) async throws -> OAuth2Token

    /// Whether ``obtainToken()`` works without a person, so a dead refresh token can be replaced silently.
    var canObtainWithoutUser: Bool { get }
}

extension TokenGrant {
    /// Posts `grant_type=refresh_token` (plus `extra`) through `client`.
    func refreshWithRefreshToken(_ token: OAuth2Token, client: OAuth2TokenClient, extra: [(String, String)])
        async throws -> OAuth2Token
    {
        guard let refreshToken = token.refreshToken else {
            throw APIError(kind: .reauthenticationRequired, message: "no refresh token is available")
        }
        return try await client.requestToken(
            grantType: "refresh_token", parameters: [("refresh_token", refreshToken.revealed)] + extra)
    }
}

/// The resource-owner password grant, then refresh-token grants.
public struct PasswordGrant: TokenGrant {
    private let client: OAuth2TokenClient
    private let username: String
    private let password: Secret
    private let scope: String?
    private let additionalParameters: [(String, String)]

    /// Creates the grant. `additionalParameters` follow `scope` in the login form (for example an app version).
    public init(
        client: OAuth2TokenClient, username: String, password: Secret, scope: String? = nil,
        additionalParameters: [(String, String)] = []
    ) {
        self.client = client
        self.username = username
        self.password = password
        self.scope = scope
        self.additionalParameters = additionalParameters
    }

    /// Logs in with the username and password.
    public func obtainToken() async throws -> OAuth2Token {
        var parameters = [("username", username), ("password", password.revealed)]
        if let scope { parameters.append(("scope", scope)) }
        return try await loginForm(parameters + additionalParameters)
    }

    private func loginForm(_ parameters: [(String, String)]) async throws -> OAuth2Token {
        try await client.requestToken(grantType: "password", parameters: parameters)
    }

    /// Uses the refresh token.
    public func refresh(_ token: OAuth2Token) async throws -> OAuth2Token {
        try await refreshWithRefreshToken(token, client: client, extra: [])
    }

    /// A password login needs no person.
    public var canObtainWithoutUser: Bool { true }
}

/// The client-credentials grant (service-to-service). There is no refresh token: renewing is obtaining again.
public struct ClientCredentialsGrant: TokenGrant {
    private let client: OAuth2TokenClient
    private let scope: String?

    /// Creates the grant.
    public init(client: OAuth2TokenClient, scope: String? = nil) {
        self.client = client
        self.scope = scope
    }

    /// Requests a token for the client itself.
    public func obtainToken() async throws -> OAuth2Token {
        try await client.requestToken(grantType: "client_credentials", parameters: scope.map { [("scope", $0)] } ?? [])
    }

    /// Requests a new token.
    public func refresh(_ token: OAuth2Token) async throws -> OAuth2Token {
        try await obtainToken()
    }

    /// Needs no person.
    public var canObtainWithoutUser: Bool { true }
}

/// Refresh-token grants for tokens that came from the authorization-code flow.
///
/// The first token must come from ``PendingAuthorization`` (or a store); without one,
/// ``obtainToken()`` asks for the user with `reauthenticationRequired`.
public struct RefreshTokenGrant: TokenGrant {
    private let client: OAuth2TokenClient
    private let additionalParameters: [(String, String)]

    /// Creates the grant.
    public init(client: OAuth2TokenClient, additionalParameters: [(String, String)] = []) {
        self.client = client
        self.additionalParameters = additionalParameters
    }

    /// There is no way to get a first token without the user.
    public func obtainToken() async throws -> OAuth2Token {
        throw APIError(kind: .reauthenticationRequired, message: "no token yet: run the authorization flow first")
    }

    /// Uses the refresh token.
    public func refresh(_ token: OAuth2Token) async throws -> OAuth2Token {
        try await refreshWithRefreshToken(token, client: client, extra: additionalParameters)
    }

    /// The user has to take part.
    public var canObtainWithoutUser: Bool { false }
}
