import Foundation
import HTTPTypes
import Logging

/// Talks to an OAuth 2 token endpoint: posts a grant as a form and reads the token or the error.
///
/// Client credentials go in the form body (`client_secret_post`); the token endpoint never
/// receives an `Authorization` header and never passes through an authentication layer.
/// Failures are typed. Only the server's refusal is `authenticationFailed` (terminal: the grant
/// will not work again, so a host app asks the user to sign in): a 401 or 403, or a 4xx carrying
/// an OAuth error code such as `invalid_grant`. A 5xx, a 429, a time-out or a network failure
/// keeps its transient kind whatever the body says, and a 4xx without an OAuth code stays a
/// `client` error. Secret values the request sent are removed from every error by the pipeline.
public struct OAuth2TokenClient: Sendable {
    /// The token endpoint.
    public let tokenURL: URL
    /// The client identifier.
    public let clientID: String
    /// The client secret, for confidential clients.
    public let clientSecret: Secret?
    /// How token responses are read.
    public let responseDecoder: TokenResponseDecoder
    private let client: APIClient

    /// OAuth error codes that mean the grant or client is not accepted and retrying cannot help.
    public static let terminalErrorCodes: Set<String> = [
        "invalid_grant", "invalid_client", "unauthorized_client", "unsupported_grant_type", "invalid_scope",
        "invalid_request", "access_denied",
    ]

    /// Creates a token client.
    ///
    /// - Parameters:
    ///   - tokenURL: The token endpoint (`https`, or `http` to a loopback host).
    ///   - clientID: The client identifier, sent in the form body.
    ///   - clientSecret: The client secret of a confidential client, sent in the form body; `nil`
    ///     for a public client.
    ///   - transport: How token requests reach the network.
    ///   - headers: Header fields sent with every token request.
    ///   - responseDecoder: Reads a token response into an ``OAuth2Token``; by default the
    ///     standard OAuth 2 members.
    ///   - retryPolicy: Token requests are POSTs, so by default only connection failures are retried.
    ///   - errorDecoder: Reads the token endpoint's error body (for example into a vendor's own error
    ///     type, which then travels as ``APIError/vendorError``); by default the common OAuth shapes.
    ///   - timeSource: The clock a token's expiry is computed from.
    ///   - logger: Where token requests are logged (redacted); `nil` logs nothing.
    ///   - timeout: The time limit of one token request.
    /// - Throws: ``APIError`` of kind `invalidConfiguration` for a non-https token URL.
    public init(
        tokenURL: URL,
        clientID: String,
        clientSecret: Secret? = nil,
        transport: any HTTPTransport = URLSessionTransport.shared,
        headers: HTTPFields = [:],
        responseDecoder: @escaping TokenResponseDecoder = TokenResponse.standard,
        retryPolicy: APIRetryPolicy = .default,
        timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger? = nil,
        timeout: Duration? = .seconds(30),
        errorDecoder: @escaping ErrorEnvelopeDecoder = VendorErrorDetails.commonEnvelope
    ) throws {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.responseDecoder = responseDecoder
        self.client = try APIClient(
            configuration: APIClient.Configuration(
                baseURL: tokenURL, defaultHeaders: headers, retryPolicy: retryPolicy, logger: logger,
                timeSource: timeSource, timeout: timeout, errorDecoder: errorDecoder
            ),
            transport: transport
        )
    }

    /// Posts `grant_type` with `parameters`, then `client_id` and `client_secret`, and returns the token.
    public func requestToken(grantType: String, parameters: [(String, String)]) async throws -> OAuth2Token {
        try await requestToken(form: [("grant_type", grantType)] + parameters + clientCredentialParameters)
    }

    /// `client_id`, then `client_secret` when the client has one: the members
    /// ``requestToken(form:)`` callers place themselves.
    public var clientCredentialParameters: [(String, String)] {
        var parameters = [("client_id", clientID)]
        if let clientSecret { parameters.append(("client_secret", clientSecret.revealed)) }
        return parameters
    }

    /// Posts `form` exactly as given, in its order, and returns the token: for a server that
    /// expects `grant_type` and the client credentials (``clientCredentialParameters``) at a place
    /// of its own. Errors are read as by ``requestToken(grantType:parameters:)``.
    public func requestToken(form: [(String, String)]) async throws -> OAuth2Token {
        var headers = HTTPFields()
        headers[.accept] = "application/json"
        let decoder = responseDecoder
        let timeSource = client.configuration.timeSource
        let endpoint = Endpoint<OAuth2Token>(
            method: .post, path: "", headers: headers, body: .form(form), requiresAuthentication: false,
            containsSecrets: true, isIdempotent: false,
            decode: { response in
                let json = try JSONResponse.parse(response)
                return try decoder(json, timeSource.now)
            }
        )
        do {
            return try await client.send(endpoint)
        } catch let error as APIError where OAuth2TokenClient.isRefusal(error) {
            throw error.recast(.authenticationFailed, "the token endpoint refused the grant")
        }
    }

    /// Whether a token-endpoint failure is the server refusing the grant or the client, as
    /// opposed to a failure that may pass (5xx, 429, time-out, network).
    public static func isRefusal(_ error: APIError) -> Bool {
        guard let status = error.status, (400..<500).contains(status), status != 408, status != 429 else {
            return false
        }
        if status == 401 || status == 403 { return true }
        return error.vendorCode.map(terminalErrorCodes.contains) ?? false
    }
}
