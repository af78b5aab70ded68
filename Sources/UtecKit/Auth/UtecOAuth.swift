import AuthCore
import Foundation
import Logging

/// U-Tec's authorization-code OAuth with a client id and secret.
///
/// 1. ``beginAuthorization()`` makes a fresh random `state` and the URL to open
///    (`response_type=code`, `client_id`, `redirect_uri`, `scope=openapi`, `state`).
/// 2. When the browser comes back to the redirect URI, hand the URL to
///    `PendingAuthorization.complete(callbackURL:)`: it checks `state` (constant time, single use),
///    takes the code from `code` or U-Tec's `authorization_code`, and exchanges it (client id and
///    secret in the form body) for a token. U-Tec's wrapped answer `{"code":200,"data":{…}}` is
///    unwrapped, and the expiry is set 30 s early (``expiryGrace``).
/// 3. ``tokenManager(store:initialToken:logger:onChange:)`` keeps the token: refresh when expired, one
///    refresh for all concurrent callers, the old refresh token kept when U-Tec sends none.
///
/// ```swift
/// let oauth = try UtecOAuth(clientID: id, clientSecret: secret, redirectURI: "https://example.test/utec/callback")
/// let pending = oauth.beginAuthorization()
/// // open pending.url, wait for the redirect …
/// let token = try await pending.complete(callbackURL: redirect)
/// let tokens = oauth.tokenManager(initialToken: token)
/// ```
public struct UtecOAuth: Sendable, CustomStringConvertible {
    /// `https://oauth.u-tec.com/authorize`.
    public static let defaultAuthorizeURL = URL(string: "https://oauth.u-tec.com/authorize")!
    /// `https://oauth.u-tec.com/token`.
    public static let defaultTokenURL = URL(string: "https://oauth.u-tec.com/token")!
    /// `openapi`, the scope every working client uses.
    public static let defaultScope = "openapi"
    /// How much earlier than `expires_in` says a token counts as expired.
    public static let expiryGrace: Duration = .seconds(30)

    /// Where the token request carries its parameters.
    public enum TokenParameterPlacement: Sendable, Equatable {
        /// A form-encoded POST body (the default).
        case formBody
        /// The URL's query string (as U-Tec's own page shows), with an empty POST body.
        case query
    }

    /// The client id.
    public let clientID: String
    /// The redirect URI registered for the client.
    public let redirectURI: String
    /// The scope requested.
    public let scope: String
    /// The authorization endpoint.
    public let authorizeURL: URL
    /// The token endpoint.
    public let tokenURL: URL
    let flow: AuthorizationCodeFlow
    let tokenClient: OAuth2TokenClient
    let timeSource: any TimeSource

    /// Creates the OAuth client.
    ///
    /// - Parameters:
    ///   - clientID: The client id from U-Tec's developer console.
    ///   - clientSecret: The client secret; sent only to the token endpoint.
    ///   - redirectURI: The redirect URI registered for the client.
    ///   - scope: The scope to request; ``defaultScope`` unless U-Tec says otherwise.
    ///   - authorizeURL: The authorization endpoint; ``defaultAuthorizeURL`` by default.
    ///   - tokenURL: The token endpoint; ``defaultTokenURL`` by default.
    ///   - tokenParameterPlacement: Where the token request carries its parameters; a form body
    ///     by default.
    ///   - includesClientSecretInAuthorizationURL: U-Tec's page lists `client_secret` in the
    ///     authorization URL; working clients leave it out (the default).
    ///   - transport: How token requests reach the network; one shared `URLSession` by default.
    ///   - timeSource: The clock for expiry; tests inject a virtual one.
    ///   - logger: Where token requests are logged (redacted); `nil` logs nothing.
    /// - Throws: ``UtecError`` `invalidConfiguration` for an empty id, secret, redirect URI or
    ///   scope; `invalidURL` for a token or authorization URL that is not `https` (plain `http` is
    ///   accepted for loopback hosts).
    public init(
        clientID: String,
        clientSecret: Secret,
        redirectURI: String,
        scope: String = UtecOAuth.defaultScope,
        authorizeURL: URL = UtecOAuth.defaultAuthorizeURL,
        tokenURL: URL = UtecOAuth.defaultTokenURL,
        tokenParameterPlacement: TokenParameterPlacement = .formBody,
        includesClientSecretInAuthorizationURL: Bool = false,
        transport: any HTTPTransport = URLSessionTransport.shared,
        timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger? = nil
    ) throws {
        for (name, value) in [("clientID", clientID), ("redirectURI", redirectURI), ("scope", scope)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UtecError(.invalidConfiguration, "\(name) must not be empty")
        }
        guard !clientSecret.isEmpty else { throw UtecError(.invalidConfiguration, "clientSecret must not be empty") }
        try UtecClient.checkURL(authorizeURL, name: "authorizeURL")
        let wire: any HTTPTransport =
            tokenParameterPlacement == .query ? UtecQueryParameterTransport(base: transport) : transport
        do {
            self.tokenClient = try OAuth2TokenClient(
                tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret, transport: wire,
                headers: [.userAgent: UtecClient.userAgent], responseDecoder: UtecOAuth.tokenDecoder,
                timeSource: timeSource, logger: logger,
                errorDecoder: UtecErrorEnvelope.token)
        } catch let error as APIError {
            throw UtecError(.invalidURL, "tokenURL: \(error.message)")
        }
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.scope = scope
        self.authorizeURL = authorizeURL
        self.tokenURL = tokenURL
        self.timeSource = timeSource
        self.flow = AuthorizationCodeFlow(
            authorizationEndpoint: authorizeURL, tokenClient: tokenClient, redirectURI: redirectURI, scopes: [scope],
            usesPKCE: false,
            additionalParameters: includesClientSecretInAuthorizationURL
                ? [("client_secret", clientSecret.revealed)] : [],
            codeParameterNames: ["code", "authorization_code"])
    }

    /// Starts one sign-in: a fresh `state` and the URL to open.
    public func beginAuthorization() -> PendingAuthorization { flow.begin() }

    /// The grant a `TokenManager` refreshes with (`grant_type=refresh_token` plus id and secret).
    public var grant: RefreshTokenGrant { RefreshTokenGrant(client: tokenClient) }

    /// Refreshes `token` once, keeping its refresh token when U-Tec sends no new one.
    public func refresh(_ token: OAuth2Token) async throws -> OAuth2Token {
        try await grant.refresh(token).merged(over: token)
    }

    /// A token manager for this client: the expiry already carries the 30 s grace, so a token is
    /// refreshed once it is past it; concurrent callers share one refresh.
    public func tokenManager(
        store: (any TokenStore)? = nil,
        initialToken: OAuth2Token? = nil,
        logger: Logger? = nil,
        onChange: (@Sendable (OAuth2Token?) async -> Void)? = nil
    ) -> TokenManager {
        TokenManager(
            grant: grant, store: store, initialToken: initialToken,
            configuration: TokenManager.Configuration(refreshSkew: .zero, logger: logger), timeSource: timeSource,
            onChange: onChange)
    }

    /// `UtecOAuth(clientID: '<id>', redirectURI: '<uri>')`; never the secret.
    public var description: String { "UtecOAuth(clientID: '\(clientID)', redirectURI: '\(redirectURI)')" }

    /// U-Tec's token answer: the RFC 6749 members at the top level or under `data`; the expiry
    /// set ``expiryGrace`` early.
    static let tokenDecoder: TokenResponseDecoder = { json, issuedAt in
        var token = try TokenResponse.unwrapping("data")(json, issuedAt)
        if let expiresAt = token.expiresAt { token.expiresAt = expiresAt.addingTimeInterval(-expiryGrace.seconds) }
        return token
    }
}

extension UtecOAuth: CustomReflectable {
    /// The id, redirect URI and endpoints; never the secret.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "clientID": clientID, "redirectURI": redirectURI, "scope": scope,
                "authorizeURL": authorizeURL.absoluteString, "tokenURL": tokenURL.absoluteString,
            ], displayStyle: .struct)
    }
}

extension Duration {
    /// Seconds as a `Double`.
    var seconds: Double { Durations.seconds(self) }
}
