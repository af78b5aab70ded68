import AuthCore
import Foundation
import HTTPTypes

// The README's AuthCore examples, exactly as printed there (the README test compares them), inside
// functions so they compile against the current API. They are compiled, not run.

enum ReadmeAuthCoreExamples {
    static func fixedCredential(token: String) async throws {
        let client = try APIClient(
            configuration: .init(
                baseURL: URL(string: "https://api.example.com/v1")!,
                retryPolicy: try APIRetryPolicy(maxAttempts: 4, backoff: .exponential(cap: .seconds(20))),
                concurrencyLimiter: ConcurrencyLimiter(limit: 5),
                // or .basic(username:password:), .apiKey(_:header:)
                authenticator: StaticCredentials.bearer(Secret(token))
            )
        )

        struct Device: Decodable, Sendable {
            let id: String
            let name: String
        }
        let page = URLQueryItem(name: "page", value: "1")
        let devices = try await client.send(Endpoint<[Device]>.json(.get, "/devices", query: [page]))
        _ = devices
    }

    static func oauthWithRefresh(email: String, password: String, secret: String, tokenFileURL: URL) throws {
        let tokenClient = try OAuth2TokenClient(
            tokenURL: URL(string: "https://auth.example.com/oauth2/token")!,
            clientID: "my-app",
            clientSecret: Secret(secret)
        )
        let manager = TokenManager(
            grant: PasswordGrant(client: tokenClient, username: email, password: Secret(password), scope: "read"),
            store: FileTokenStore(url: tokenFileURL),  // JSON, written atomically with mode 0600
            onChange: { _ in }  // persist elsewhere too, if you like
        )
        let api = try APIClient(
            configuration: .init(
                baseURL: URL(string: "https://api.example.com")!,
                authenticator: BearerTokenAuthenticator(provider: manager)
            )
        )
        _ = api
    }

    static func authorizationCode(
        tokenClient: OAuth2TokenClient,
        manager: TokenManager,
        callback: URL,
        openInBrowser: (URL) -> Void
    ) async throws {
        let flow = AuthorizationCodeFlow(
            authorizationEndpoint: URL(string: "https://auth.example.com/authorize")!,
            tokenClient: tokenClient,
            redirectURI: "myapp://callback",
            scopes: ["openid", "offline_access"]
        )
        let pending = flow.begin()  // fresh state (256 bits) and S256 verifier
        openInBrowser(pending.url)
        let token = try await pending.complete(callbackURL: callback)  // state checked exactly, single use
        await manager.setToken(token)  // with a TokenManager over RefreshTokenGrant
    }

    static func errors(
        refresh: () async throws -> Void,
        askUserToSignIn: () -> Void,
        scheduleRetry: (Duration?) -> Void
    ) async throws {
        do {
            try await refresh()
        } catch let error as APIError where error.requiresReauthentication {
            askUserToSignIn()
        } catch let error as APIError where error.isTransient {
            scheduleRetry(error.retryAfter)
        }
    }
}
