import AuthCore
import HTTPTypes

/// Where the client's access tokens come from.
///
/// - ``tokens(_:)``: any AuthCore `AccessTokenProvider`, usually the `TokenManager` from
///   ``UtecOAuth/tokenManager(store:initialToken:logger:onChange:)``.
/// - ``accessToken(onRejected:_:)``: the host app owns the tokens (the "abstract auth" pattern):
///   UtecKit asks for a valid token before each request, and again after U-Tec refused one.
public struct UtecAuthorization: Sendable, CustomStringConvertible {
    let provider: (any AccessTokenProvider)?

    /// Sends no token (for tests against a server that needs none).
    public static let none = UtecAuthorization(provider: nil)

    /// Tokens from `provider`.
    public static func tokens(_ provider: any AccessTokenProvider) -> UtecAuthorization {
        UtecAuthorization(provider: provider)
    }

    /// Tokens from the host app's function, which returns a valid token (refreshing if it must).
    /// After U-Tec refuses a token, `onRejected` runs and the function is asked once more; the
    /// same token again ends the call with `reauthenticationRequired`.
    public static func accessToken(
        onRejected: (@Sendable () async -> Void)? = nil, _ fetch: @escaping @Sendable () async throws -> Secret
    ) -> UtecAuthorization {
        UtecAuthorization(provider: ClosureTokenProvider(onRejected: onRejected, fetch: fetch))
    }

    /// Which kind of source; never a token.
    public var description: String { provider == nil ? "UtecAuthorization.none" : "UtecAuthorization.tokens" }
}

/// Signs requests with the bearer token and treats both HTTP 401 and U-Tec's `INVALID_TOKEN`
/// inside an HTTP 200 as a refused token: AuthCore then refreshes once and retries once.
struct UtecAuthenticator: APIAuthenticator {
    let bearer: BearerTokenAuthenticator

    init(provider: any AccessTokenProvider) {
        bearer = BearerTokenAuthenticator(provider: provider)
    }

    func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion {
        try await bearer.authenticate(&request)
    }

    func recover(fromRejectionOf version: CredentialVersion, error: APIError, channel: RecoveryChannel) async throws
        -> Bool
    {
        try await bearer.recover(fromRejectionOf: version, error: error, channel: channel)
    }

    func isAuthenticationChallenge(_ error: APIError) -> Bool {
        error.status == 401 || error.vendorError(as: UtecServiceError.self)?.isInvalidToken == true
    }
}
