import AuthCore
import HTTPTypes

/// Sends the bearer token and treats Netatmo's token refusals as challenges: HTTP 401, and a
/// 403 whose body says code 2 (invalid token) or 3 (access token expired). One refresh, then one retry.
struct BticinoAuthenticator: APIAuthenticator {
    let bearer: BearerTokenAuthenticator

    init(provider: any AccessTokenProvider) {
        self.bearer = BearerTokenAuthenticator(provider: provider)
    }

    func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion {
        try await bearer.authenticate(&request)
    }

    func recover(fromRejectionOf version: CredentialVersion, error: APIError, channel: RecoveryChannel)
        async throws -> Bool
    {
        try await bearer.recover(fromRejectionOf: version, error: error, channel: channel)
    }

    func isAuthenticationChallenge(_ error: APIError) -> Bool {
        if error.status == 401 { return true }
        guard error.status == 403 else { return false }
        return error.vendorError(as: BticinoServiceError.self)?.isTokenProblem == true
    }
}
