import AuthCore
import Foundation

extension ViessmannClient {
    /// Starts one sign-in: a fresh PKCE pair (S256) and `state`, and the authorization URL
    /// (`{iam}/authorize` with `client_id`, `redirect_uri`, `response_type=code`,
    /// `scope=IoT+User+offline_access`, `state`, `code_challenge`, `code_challenge_method=S256`).
    ///
    /// Open `PendingAuthorization.url` in a browser; when it comes back to the redirect URI, pass
    /// the callback URL to ``completeSignIn(_:callbackURL:)``. The verifier and state stay inside
    /// the pending authorization, which can be used once.
    ///
    /// - Throws: ``ViessmannError`` `authorizationFlow` when the client uses a host token provider.
    public func beginSignIn() throws -> PendingAuthorization {
        guard tokenManager != nil else {
            throw ViessmannError(.authorizationFlow, "sign-in is not available with a host token provider")
        }
        let iam =
            configuration.iamBaseURL.absoluteString.hasSuffix("/")
            ? configuration.iamBaseURL : configuration.iamBaseURL.appendingPathComponent("")
        let flow = AuthorizationCodeFlow(
            authorizationEndpoint: iam.appendingPathComponent("authorize"), tokenClient: tokenClient,
            redirectURI: configuration.redirectURI, scopes: configuration.scopes)
        return flow.begin()
    }

    /// Finishes a sign-in from the URL the browser was redirected to: checks `state` exactly,
    /// exchanges the code with the PKCE verifier, and stores the token (in the token file when
    /// the client has one).
    ///
    /// - Throws: `APIError` `authenticationFailed` for an OAuth `error` in the callback, a missing
    ///   code, a `state` that does not match, a second use, or a code the IAM refuses.
    public func completeSignIn(_ pending: PendingAuthorization, callbackURL: URL) async throws {
        let token = try await pending.complete(callbackURL: callbackURL)
        try await install(token)
    }

    /// Finishes a sign-in from a code and state received some other way (a pasted code).
    public func completeSignIn(_ pending: PendingAuthorization, code: Secret, state: String) async throws {
        let token = try await pending.complete(code: code, state: state)
        try await install(token)
    }

    /// Forgets the token and removes it from the token store.
    public func signOut() async {
        await tokenManager?.signOut()
    }

    /// A valid access token, refreshing first when it expires within the skew (single flight).
    ///
    /// - Throws: `APIError` `reauthenticationRequired` when there is no token, or the refresh
    ///   token is refused; a transient `APIError` when the IAM cannot be reached.
    public func accessToken() async throws -> Secret {
        guard let tokenManager else {
            throw ViessmannError(.authorizationFlow, "tokens come from the host's provider")
        }
        return try await tokenManager.accessToken().value
    }

    /// Refreshes the access token now with the refresh token, whatever its expiry, and saves it.
    ///
    /// - Throws: `APIError` `reauthenticationRequired` without a refresh token or when it is
    ///   refused; ``ViessmannError`` `authorizationFlow` with a host token provider.
    @discardableResult
    public func refreshAccessToken() async throws -> Secret {
        guard let tokenManager else {
            throw ViessmannError(.authorizationFlow, "tokens come from the host's provider")
        }
        let current = try await tokenManager.accessToken()
        return try await tokenManager.accessToken(afterRejecting: current.version).value
    }

    /// The token held in memory (after sign-in or first use), for showing the expiry; `nil` before.
    public func currentToken() async -> OAuth2Token? {
        await tokenManager?.currentToken
    }

    private func install(_ token: OAuth2Token) async throws {
        guard let tokenManager else {
            throw ViessmannError(.authorizationFlow, "sign-in is not available with a host token provider")
        }
        await tokenManager.setToken(token)
    }
}
