import Foundation

/// The OAuth 2 authorization-code flow, with PKCE (default) or a client secret.
///
/// Call ``begin()`` for each sign-in: it makes a fresh `state` (256 random bits) and, with
/// PKCE, a fresh verifier, and returns a ``PendingAuthorization`` holding the URL to open.
/// When the browser comes back to the redirect URI, hand the callback URL to
/// ``PendingAuthorization/complete(callbackURL:)``.
public struct AuthorizationCodeFlow: Sendable {
    /// The authorization endpoint.
    public var authorizationEndpoint: URL
    /// The token client used for the code exchange.
    public var tokenClient: OAuth2TokenClient
    /// The redirect URI registered for the client.
    public var redirectURI: String
    /// The scopes to request.
    public var scopes: [String]
    /// Whether to use PKCE (S256). Turn off only for servers that reject it and use a client secret.
    public var usesPKCE: Bool
    /// Extra authorization-request parameters, appended after the standard ones.
    public var additionalParameters: [(String, String)]
    /// Callback parameter names that carry the code, in order of preference.
    public var codeParameterNames: [String]

    /// Creates the flow.
    public init(
        authorizationEndpoint: URL,
        tokenClient: OAuth2TokenClient,
        redirectURI: String,
        scopes: [String],
        usesPKCE: Bool = true,
        additionalParameters: [(String, String)] = [],
        codeParameterNames: [String] = ["code"]
    ) {
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenClient = tokenClient
        self.redirectURI = redirectURI
        self.scopes = scopes
        self.usesPKCE = usesPKCE
        self.additionalParameters = additionalParameters
        self.codeParameterNames = codeParameterNames
    }

    /// Starts one sign-in.
    public func begin() -> PendingAuthorization {
        let state = Secret(Base64URL.encode(SecureRandom.bytes(32)))
        let pkce = usesPKCE ? PKCE() : nil
        var parameters = [
            ("response_type", "code"), ("client_id", tokenClient.clientID), ("redirect_uri", redirectURI),
        ]
        if !scopes.isEmpty { parameters.append(("scope", scopes.joined(separator: " "))) }
        parameters.append(("state", state.revealed))
        if let pkce {
            parameters.append(("code_challenge", pkce.challenge))
            parameters.append(("code_challenge_method", PKCE.method))
        }
        parameters += additionalParameters
        var components = URLComponents(url: authorizationEndpoint, resolvingAgainstBaseURL: false)
        let existing = components?.percentEncodedQuery.map { $0 + "&" } ?? ""
        components?.percentEncodedQuery = existing + FormEncoding.encode(parameters)
        return PendingAuthorization(
            url: components?.url ?? authorizationEndpoint, state: state, pkce: pkce, flow: self
        )
    }
}

/// One sign-in in progress: the URL to open, and the single-use check of what comes back.
public actor PendingAuthorization {
    /// The authorization URL to open in a browser.
    public nonisolated let url: URL
    private let state: Secret
    private let pkce: PKCE?
    private let flow: AuthorizationCodeFlow
    private var used = false

    init(url: URL, state: Secret, pkce: PKCE?, flow: AuthorizationCodeFlow) {
        self.url = url
        self.state = state
        self.pkce = pkce
        self.flow = flow
    }

    /// Checks the redirect the browser arrived at and exchanges its code for a token.
    ///
    /// - Throws: ``APIError`` of kind `authenticationFailed` when the callback carries an OAuth
    ///   `error`, has no code, its `state` does not match exactly, or this authorization was
    ///   already used (any attempt uses it up); token-endpoint errors as ``OAuth2TokenClient`` types them.
    public func complete(callbackURL: URL) async throws -> OAuth2Token {
        let items = FormEncoding.decode(
            URLComponents(url: callbackURL, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? "")
        func value(_ name: String) -> String? { items.first(where: { $0.0 == name })?.1 }
        if let error = value("error") {
            try consume()
            throw APIError(
                kind: .authenticationFailed, message: "the authorization server refused the sign-in", vendorCode: error,
                vendorMessage: value("error_description"))
        }
        let code = flow.codeParameterNames.lazy.compactMap(value).first
        return try await complete(code: code.map { Secret($0) }, state: value("state"))
    }

    /// Checks a code and state received some other way and exchanges the code.
    public func complete(code: Secret?, state received: String?) async throws -> OAuth2Token {
        try consume()
        guard let received, state.matches(received) else {
            throw APIError(kind: .authenticationFailed, message: "the OAuth state does not match this sign-in")
        }
        guard let code, !code.isEmpty else {
            throw APIError(kind: .authenticationFailed, message: "the callback has no authorization code")
        }
        var parameters = [("code", code.revealed), ("redirect_uri", flow.redirectURI)]
        if let pkce { parameters.append(("code_verifier", pkce.verifier.revealed)) }
        return try await flow.tokenClient.requestToken(grantType: "authorization_code", parameters: parameters)
    }

    private func consume() throws {
        guard !used else {
            throw APIError(
                kind: .authenticationFailed, message: "this authorization was already used; start a new sign-in")
        }
        used = true
    }
}
