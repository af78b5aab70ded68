import AuthCore
import Foundation
import HTTPTypes
import Logging

/// A Viessmann IoT API client: the Swift counterpart of vi_api_client's `ViClient`, on AuthCore.
///
/// Sign in once with the authorization-code flow (PKCE S256 and `state`), then read installations,
/// gateways, devices and their flat features, and write values through validated commands:
///
/// ```swift
/// let client = try ViessmannClient(
///     configuration: .init(clientID: "my-client-id", tokens: .file(tokenFile)))
/// let device = try await client.devices(installationID: "4711", gatewaySerial: serial, includeFeatures: true)[0]
/// let result = try await client.setFeature("heating.circuits.0.heating.curve.slope", to: 1.4, on: device)
/// ```
///
/// Every request is an AuthCore `Endpoint` sent through one pipeline built once per client:
/// redacted logging, an optional concurrency limit, retry (none by default), bearer
/// authentication with one refresh on 401 (single flight, 60 s early), and error mapping with
/// Viessmann's error body (``ViessmannServiceError``).
///
/// ## Errors
/// A call throws an AuthCore `APIError` for everything that crossed the network, or a
/// ``ViessmannError`` for what ViessmannKit refused itself (a value outside a command's
/// constraints, a read-only feature, an answer of the wrong shape).
public struct ViessmannClient: Sendable, CustomStringConvertible {
    /// The settings the client was created with.
    public let configuration: Configuration
    /// Where the client logs; `nil` logs nothing.
    public let logger: Logger?
    /// The AuthCore pipeline every API request goes through.
    let api: APIClient
    /// The token owner when the client manages tokens itself (not for a host provider).
    let tokenManager: TokenManager?
    /// The IAM token endpoint client.
    let tokenClient: OAuth2TokenClient
    /// The API base with a trailing `/`.
    let apiBase: URL

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Client id, redirect URI, token source, hosts and limits.
    ///   - transport: How requests reach the network; one shared `URLSession` by default.
    ///   - logger: Where to log (at debug level, redacted); `nil` logs nothing.
    /// - Throws: ``ViessmannError`` `invalidConfiguration` naming the bad value.
    public init(
        configuration: Configuration = Configuration(),
        transport: any HTTPTransport = URLSessionTransport.shared,
        logger: Logger? = nil
    ) throws {
        try configuration.validate()
        let iam =
            configuration.iamBaseURL.absoluteString.hasSuffix("/")
            ? configuration.iamBaseURL : configuration.iamBaseURL.appendingPathComponent("")
        var headers = HTTPFields()
        headers[.userAgent] = Self.userAgent
        do {
            tokenClient = try OAuth2TokenClient(
                tokenURL: iam.appendingPathComponent("token"), clientID: configuration.clientID, transport: transport,
                headers: headers,
                retryPolicy: configuration.retryPolicy, timeSource: configuration.timeSource, logger: logger,
                timeout: configuration.timeout, errorDecoder: ViessmannErrorEnvelope.iam)
        } catch let error as APIError {
            throw ViessmannError(.invalidConfiguration, error.message)
        }
        let provider: any AccessTokenProvider
        switch configuration.tokens.storage {
        case .store(let store, _):
            let manager = TokenManager(
                grant: RefreshTokenGrant(client: tokenClient), store: store,
                configuration: TokenManager.Configuration(refreshSkew: configuration.refreshSkew, logger: logger),
                timeSource: configuration.timeSource)
            tokenManager = manager
            provider = manager
        case .provider(let host):
            tokenManager = nil
            provider = host
        }
        var base = configuration.apiBaseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        apiBase = URL(string: base + "/")!
        let pipeline = APIClient.Configuration(
            baseURL: apiBase,
            defaultHeaders: headers,
            retryPolicy: configuration.retryPolicy,
            concurrencyLimiter: configuration.maxConcurrentRequests.map { ConcurrencyLimiter(limit: $0) },
            authenticator: BearerTokenAuthenticator(provider: provider),
            logger: logger,
            timeSource: configuration.timeSource,
            random: configuration.random,
            timeout: configuration.timeout,
            errorDecoder: ViessmannErrorEnvelope.api
        )
        do {
            api = try APIClient(configuration: pipeline, transport: transport)
        } catch let error as APIError {
            throw ViessmannError(.invalidConfiguration, error.message)
        }
        self.configuration = configuration
        self.logger = logger
    }

    /// `ViessmannClient(api: '<url>', tokens: <source>)`; never a token.
    public var description: String {
        "ViessmannClient(api: '\(apiBase.absoluteString)', tokens: \(configuration.tokens))"
    }

    /// Sends one endpoint through the pipeline. A ``ViessmannError`` raised while reading an
    /// accepted answer is handed on as it is, so callers see one error type per cause.
    func send<Response>(_ endpoint: Endpoint<Response>) async throws -> Response {
        do {
            return try await api.send(endpoint)
        } catch let error as APIError {
            if let own = error.underlying as? ViessmannError { throw own }
            throw error
        }
    }
}

extension ViessmannClient: CustomReflectable {
    /// The hosts and settings; never the pipeline, its authenticator or tokens.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "api": apiBase.absoluteString, "iam": configuration.iamBaseURL.absoluteString,
                "clientID": configuration.clientID, "tokens": configuration.tokens.description,
                "timeout": "\(configuration.timeout)",
            ],
            displayStyle: .struct)
    }
}
