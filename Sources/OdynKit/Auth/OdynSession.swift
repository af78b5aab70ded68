import AuthCore
import HTTPTypes

/// How an ``OdynClient`` authenticates and retries: the Swift counterpart of Odyn's sessions
/// (`OdynSession`, `BearerAuthSession`, `BasicAuthSession` and custom sessions).
///
/// ```swift
/// let session = OdynSession.clientCredentials(
///     try EntraClientCredentials(tenantId: tenant, clientId: appId, clientSecret: Secret(secret)))
/// ```
public struct OdynSession: Sendable {
    /// Where credentials come from.
    public enum Authentication: Sendable {
        /// No credentials (Odyn's plain `OdynSession`).
        case none
        /// A fixed `Authorization: Bearer <token>`.
        case bearer(Secret)
        /// HTTP basic with a user name and web service access key (on-premises only).
        case basic(username: String, password: Secret)
        /// A key in a header of your choosing.
        case apiKey(Secret, header: HTTPField.Name)
        /// Your own token source (refreshing, cached elsewhere); a 401 asks it for a newer token once.
        case tokenProvider(any AccessTokenProvider)
        /// Any AuthCore authenticator.
        case authenticator(any APIAuthenticator)
        /// OAuth 2 client credentials against Entra ID; the client builds the token manager on its transport.
        case clientCredentials(EntraClientCredentials)
    }

    /// Where credentials come from.
    public let authentication: Authentication
    /// The retry settings.
    public let retry: OdynRetrySettings
    /// Header fields sent with every request (Odyn's session headers).
    public let headers: HTTPFields

    /// A session without credentials (Odyn's `OdynSession(retries:backoff_factor:status_forcelist:)`).
    ///
    /// - Throws: ``OdynError`` naming a bad retry value; see ``OdynRetrySettings``.
    public init(
        retries: Int = 5,
        backoffFactor: Double = 2.0,
        statusForcelist: [Int] = OdynRetrySettings.defaultStatusForcelist,
        headers: HTTPFields = [:]
    ) throws {
        self.init(
            authentication: .none,
            retry: try OdynRetrySettings(
                retries: retries, backoffFactor: backoffFactor, statusForcelist: statusForcelist),
            headers: headers
        )
    }

    /// A session from its parts.
    public init(authentication: Authentication, retry: OdynRetrySettings = .default, headers: HTTPFields = [:]) {
        self.authentication = authentication
        self.retry = retry
        self.headers = headers
    }

    /// `Authorization: Bearer <token>` (Odyn's `BearerAuthSession`). An empty token is refused.
    ///
    /// - Throws: ``OdynError`` for an empty token or a bad retry value.
    public static func bearer(
        _ token: Secret,
        retries: Int = 5,
        backoffFactor: Double = 2.0,
        statusForcelist: [Int] = OdynRetrySettings.defaultStatusForcelist
    ) throws -> OdynSession {
        guard !token.revealed.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OdynError(.invalidRequest(reason: "bearer token must not be empty"))
        }
        return OdynSession(
            authentication: .bearer(token),
            retry: try OdynRetrySettings(
                retries: retries, backoffFactor: backoffFactor, statusForcelist: statusForcelist)
        )
    }

    /// HTTP basic with a user name and web service access key (Odyn's `BasicAuthSession`; on-premises only).
    ///
    /// - Throws: ``OdynError`` for an empty user name or a bad retry value.
    public static func basic(
        username: String,
        password: Secret,
        retries: Int = 5,
        backoffFactor: Double = 2.0,
        statusForcelist: [Int] = OdynRetrySettings.defaultStatusForcelist
    ) throws -> OdynSession {
        guard !username.isEmpty else { throw OdynError(.invalidRequest(reason: "username must not be empty")) }
        return OdynSession(
            authentication: .basic(username: username, password: password),
            retry: try OdynRetrySettings(
                retries: retries, backoffFactor: backoffFactor, statusForcelist: statusForcelist)
        )
    }

    /// An API key in a header (the custom-session pattern from Odyn's docs), `X-Api-Key` by default.
    ///
    /// - Throws: ``OdynError`` for an empty key or a bad retry value.
    public static func apiKey(
        _ key: Secret,
        header: HTTPField.Name = HTTPField.Name("X-Api-Key")!,
        retry: OdynRetrySettings = .default
    ) throws -> OdynSession {
        guard !key.isEmpty else { throw OdynError(.invalidRequest(reason: "API key must not be empty")) }
        return OdynSession(authentication: .apiKey(key, header: header), retry: retry)
    }

    /// Your own token source; on a 401 it is asked once for a newer token.
    public static func tokenProvider(_ provider: any AccessTokenProvider, retry: OdynRetrySettings = .default)
        -> OdynSession
    {
        OdynSession(authentication: .tokenProvider(provider), retry: retry)
    }

    /// OAuth 2 client credentials against Entra ID.
    public static func clientCredentials(_ credentials: EntraClientCredentials, retry: OdynRetrySettings = .default)
        -> OdynSession
    {
        OdynSession(authentication: .clientCredentials(credentials), retry: retry)
    }

    /// Extra header fields sent with every request of this session.
    public func with(headers: HTTPFields) -> OdynSession {
        OdynSession(authentication: authentication, retry: retry, headers: headers)
    }
}
