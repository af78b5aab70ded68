import AuthCore

/// Netatmo's password grant: a login form in the upstream order, AuthCore's ``PasswordGrant``
/// for refreshes, and a login answer that must carry both tokens.
///
/// Login form (spec §2.1): `grant_type=password`, `username`, `password`, `client_id`,
/// `client_secret`, `scope`, `app_version`. Refresh form: `grant_type=refresh_token`,
/// `refresh_token`, `client_id`, `client_secret`. Without credentials (a client that only restores
/// tokens) a login is impossible and asks for the user with `reauthenticationRequired`.
struct BticinoPasswordGrant: TokenGrant {
    let client: OAuth2TokenClient
    let credentials: BticinoCredentials?
    let scope: String
    let appVersion: String
    let refresher: PasswordGrant

    init(client: OAuth2TokenClient, credentials: BticinoCredentials?, scope: String, appVersion: String) {
        self.client = client
        self.credentials = credentials
        self.scope = scope
        self.appVersion = appVersion
        self.refresher = PasswordGrant(client: client, username: "", password: Secret(""))
    }

    /// The login form, in the order the upstream app sends it.
    func loginForm(_ credentials: BticinoCredentials) -> [(String, String)] {
        [("grant_type", "password"), ("username", credentials.username), ("password", credentials.password.revealed)]
            + client.clientCredentialParameters + [("scope", scope), ("app_version", appVersion)]
    }

    func obtainToken() async throws -> OAuth2Token {
        guard let credentials else {
            throw APIError(
                kind: .reauthenticationRequired, message: "no credentials are configured: sign in again")
        }
        let token = try await client.requestToken(form: loginForm(credentials))
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

    var canObtainWithoutUser: Bool { credentials != nil }
}
