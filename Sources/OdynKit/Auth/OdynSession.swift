import AuthCore
import Foundation
import HTTPTypes

/// Who an ``OdynClient`` is: its credentials and the header fields it sends with every request.
/// The Swift counterpart of Odyn's sessions (`OdynSession`, `BearerAuthSession`, `BasicAuthSession`
/// and custom sessions); their retry settings are ``OdynClient/Configuration/retry``.
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
    /// Header fields sent with every request (Odyn's session headers).
    public let headers: HTTPFields

    /// A session from its parts.
    public init(authentication: Authentication, headers: HTTPFields = [:]) {
        self.authentication = authentication
        self.headers = headers
    }

    /// No credentials (Odyn's plain `OdynSession`).
    public static var unauthenticated: OdynSession { OdynSession(authentication: .none) }

    /// `Authorization: Bearer <token>` (Odyn's `BearerAuthSession`).
    ///
    /// - Throws: ``OdynError`` of code `invalidRequest` for an empty token.
    public static func bearer(_ token: Secret) throws -> OdynSession {
        guard !token.revealed.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OdynError(.invalidRequest, "bearer token must not be empty")
        }
        return OdynSession(authentication: .bearer(token))
    }

    /// HTTP basic with a user name and web service access key (Odyn's `BasicAuthSession`; on-premises only).
    ///
    /// - Throws: ``OdynError`` of code `invalidRequest` for an empty user name.
    public static func basic(username: String, password: Secret) throws -> OdynSession {
        guard !username.isEmpty else { throw OdynError(.invalidRequest, "username must not be empty") }
        return OdynSession(authentication: .basic(username: username, password: password))
    }

    /// An API key in a header (the custom-session pattern from Odyn's docs), `X-Api-Key` by default.
    ///
    /// - Throws: ``OdynError`` of code `invalidRequest` for an empty key.
    public static func apiKey(_ key: Secret, header: HTTPField.Name = HTTPField.Name("X-Api-Key")!) throws
        -> OdynSession
    {
        guard !key.isEmpty else { throw OdynError(.invalidRequest, "API key must not be empty") }
        return OdynSession(authentication: .apiKey(key, header: header))
    }

    /// Your own token source; on a 401 it is asked once for a newer token.
    public static func tokenProvider(_ provider: any AccessTokenProvider) -> OdynSession {
        OdynSession(authentication: .tokenProvider(provider))
    }

    /// OAuth 2 client credentials against Entra ID.
    public static func clientCredentials(_ credentials: EntraClientCredentials) -> OdynSession {
        OdynSession(authentication: .clientCredentials(credentials))
    }

    /// This session with `headers` sent with every request (replacing the ones set before).
    public func with(headers: HTTPFields) -> OdynSession {
        OdynSession(authentication: authentication, headers: headers)
    }
}
