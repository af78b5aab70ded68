import AuthCore
import Foundation
import Logging

/// OAuth 2 client credentials against Microsoft Entra ID, for Business Central service-to-service calls.
///
/// Tokens come from `POST https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token` with scope
/// `https://api.businesscentral.dynamics.com/.default`. They are cached until `expires_in − refreshSkew`,
/// fetched once for all concurrent callers, and fetched again once after Business Central answers 401
/// (AuthCore's `TokenManager` with `ClientCredentialsGrant`).
public struct EntraClientCredentials: Sendable {
    /// Business Central's default scope.
    public static let businessCentralScope = "https://api.businesscentral.dynamics.com/.default"
    /// Entra ID's login host.
    public static let defaultAuthorityHost = "https://login.microsoftonline.com"

    /// The tenant (a GUID or a domain such as `contoso.onmicrosoft.com`).
    public let tenantId: String
    /// The application (client) id.
    public let clientId: String
    /// The client secret.
    public let clientSecret: Secret
    /// The scope requested.
    public let scope: String
    /// How long before expiry a token is renewed.
    public let refreshSkew: Duration
    /// The token endpoint.
    public let tokenURL: URL

    /// Creates client credentials.
    ///
    /// - Throws: ``OdynError`` of code `invalidRequest` when the tenant or client id is empty or the
    ///   tenant holds characters that do not belong in one (anything but letters, digits, `.` and
    ///   `-`); of code `invalidURL` when the authority host is not a valid URL.
    public init(
        tenantId: String,
        clientId: String,
        clientSecret: Secret,
        scope: String = EntraClientCredentials.businessCentralScope,
        refreshSkew: Duration = .seconds(300),
        authorityHost: String = EntraClientCredentials.defaultAuthorityHost
    ) throws {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard !tenantId.isEmpty, tenantId.unicodeScalars.allSatisfy(allowed.contains) else {
            throw OdynError(.invalidRequest, "tenantId must be a GUID or a domain name, got \"\(tenantId)\"")
        }
        guard !clientId.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OdynError(.invalidRequest, "clientId must not be empty")
        }
        var host = authorityHost
        while host.hasSuffix("/") { host.removeLast() }
        guard let url = URL(string: "\(host)/\(tenantId)/oauth2/v2.0/token"), url.host != nil else {
            throw OdynError(.invalidURL, "authorityHost is not a valid URL")
        }
        self.tenantId = tenantId
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.scope = scope
        self.refreshSkew = refreshSkew
        self.tokenURL = url
    }

    /// A token manager for these credentials. Share one between clients to share its cached token.
    ///
    /// Its token requests send the Entra ID error body to callers as an ``EntraTokenError`` (in
    /// `APIError`'s `vendorError`): a refusal such as `invalid_client` is `authenticationFailed`,
    /// an outage (5xx, 429, time-out) keeps its transient kind.
    ///
    /// - Throws: ``OdynError`` of code `invalidURL` when the token URL is refused (not `https`).
    public func makeTokenManager(
        transport: any HTTPTransport = URLSessionTransport.shared,
        timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger? = nil
    ) throws -> TokenManager {
        do {
            let client = try OAuth2TokenClient(
                tokenURL: tokenURL, clientID: clientId, clientSecret: clientSecret, transport: transport,
                headers: [.userAgent: OdynClient.userAgent], timeSource: timeSource, logger: logger,
                errorDecoder: OdynErrorEnvelope.entra
            )
            return TokenManager(
                grant: ClientCredentialsGrant(client: client, scope: scope),
                configuration: TokenManager.Configuration(refreshSkew: refreshSkew, logger: logger),
                timeSource: timeSource
            )
        } catch let error as APIError {
            throw OdynError(.invalidURL, error.message)
        }
    }
}
