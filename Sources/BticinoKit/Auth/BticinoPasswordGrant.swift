import AuthCore

/// Netatmo's password grant: AuthCore's ``PasswordGrant`` with the scope and app version in the
/// login form, and a login answer that must carry both tokens.
///
/// Login form: `grant_type=password`, `username`, `password`, `scope`, `app_version`, `client_id`,
/// `client_secret`. Refresh form: `grant_type=refresh_token`, `refresh_token`, `client_id`,
/// `client_secret`. Without credentials (a client that only restores tokens) a login is impossible
/// and asks for the user with `reauthenticationRequired`.
struct BticinoPasswordGrant: TokenGrant {
    let password: PasswordGrant?
    let refresher: PasswordGrant

    init(client: OAuth2TokenClient, credentials: BticinoCredentials?, scope: String, appVersion: String) {
        self.password = credentials.map {
            PasswordGrant(
                client: client, username: $0.username, password: $0.password, scope: scope,
                additionalParameters: [("app_version", appVersion)])
        }
        self.refresher = PasswordGrant(client: client, username: "", password: Secret(""))
    }

    func obtainToken() async throws -> OAuth2Token {
        guard let password else {
            throw APIError(
                kind: .reauthenticationRequired, message: "no credentials are configured: sign in again")
        }
        let token = try await password.obtainToken()
        guard token.refreshToken != nil else {
            throw BticinoError(.missingTokens, "the login answer has no refresh_token")
        }
        return token
    }

    /// A refresh answer without an access token counts as a refusal: the token is forgotten and,
    /// when credentials are configured, the manager logs in again.
    func refresh(_ token: OAuth2Token) async throws -> OAuth2Token {
        do {
            return try await refresher.refresh(token)
        } catch let error as APIError where BticinoClient.ownError(in: error)?.code == .missingTokens {
            throw error.recast(.authenticationFailed, "the refresh answer has no access_token")
        }
    }

    var canObtainWithoutUser: Bool { password != nil }
}
