import AuthCore
import Foundation
import HTTPTypes
import Logging

/// A Microsoft Dynamics 365 Business Central OData V4 client: the Swift counterpart of Odyn's
/// `Odyn` class, on AuthCore.
///
/// Every request is an AuthCore `Endpoint` sent through one pipeline, built once per client:
/// logging with redaction, a concurrency limit, retry with backoff and `Retry-After`,
/// authentication with one refresh on 401, and error mapping with Business Central's error body.
/// Endpoints are relative to ``baseURL``; for the standard API that is `…/api/v2.0/` (see
/// ``BCEnvironment``).
///
/// ```swift
/// let credentials = try EntraClientCredentials(tenantId: tenant, clientId: appId, clientSecret: secret)
/// let client = try OdynClient(
///     configuration: .environment(
///         BCEnvironment(tenantId: tenant, environment: "Production"), session: .clientCredentials(credentials)))
/// for try await customer in client.records(.customers, company: companyId) { … }
/// ```
///
/// ## Names
/// OdynKit's public types carry one of four prefixes, each for one kind of thing:
/// - `Odyn…` — the client and what configures it, and the kit's own error: ``OdynClient``,
///   ``OdynSession``, ``OdynRetrySettings``, ``OdynError``.
/// - `OData…` — OData V4 protocol types that work with any OData service: ``ODataQuery``,
///   ``ODataFilter``, ``ODataLiteral``, ``ODataPage``, ``ODataPagination``, ``ODataETag``,
///   ``ODataBatchOperation``, ``ODataRecord``.
/// - `BC…` — Business Central's entities and addresses: ``BCCustomer``, ``BCItem``,
///   ``BCEntitySet``, ``BCEnvironment``, ``BCPath``, ``BCServiceError``.
/// - `Entra…` — Microsoft Entra ID, which issues the tokens: ``EntraClientCredentials``,
///   ``EntraTokenError``.
///
/// ## Errors
/// A call throws an AuthCore `APIError` for everything that crossed the network (with
/// ``BCServiceError`` or ``EntraTokenError`` as its `vendorError`), or an ``OdynError`` for what
/// OdynKit refused itself.
public struct OdynClient: Sendable, CustomStringConvertible {
    /// The settings the client was created with.
    public let configuration: Configuration
    /// The service root every endpoint is resolved against; always ends with `/`.
    public let baseURL: URL
    /// Where the client logs; `nil` logs nothing.
    public let logger: Logger?
    /// The AuthCore pipeline every request goes through, built once.
    let api: APIClient

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: The service root, session, retry, timeout and other settings.
    ///   - transport: How requests reach the network; one shared `URLSession` by default.
    ///   - logger: Where to log (at debug level, redacted); `nil` logs nothing.
    /// - Throws: ``OdynError`` naming the bad value: code `invalidURL` for a bad base URL (plain
    ///   `http` is refused except to a loopback host), `invalidTimeout`, `invalidConfiguration`,
    ///   or a session's code.
    public init(
        configuration: Configuration = Configuration(),
        transport: any HTTPTransport = URLSessionTransport.shared,
        logger: Logger? = nil
    ) throws {
        let url = try OdynClient.normalizeBaseURL(configuration.baseURL)
        try configuration.validate()
        var redactor = Redactor.default
        if !configuration.logsFilterValues { redactor.sensitiveKeys.formUnion(["$filter", "$search"]) }
        var headers = configuration.session.headers
        if headers[.accept] == nil { headers[.accept] = "application/json" }
        if headers[.userAgent] == nil { headers[.userAgent] = OdynClient.userAgent }
        let authenticator = try configuration.session.makeAuthenticator(
            transport: transport, timeSource: configuration.timeSource, logger: logger)
        let pipeline = APIClient.Configuration(
            baseURL: url,
            defaultHeaders: headers,
            retryPolicy: configuration.retry.policy,
            concurrencyLimiter: configuration.maxConcurrentRequests.map { ConcurrencyLimiter(limit: $0) },
            authenticator: authenticator,
            logger: logger,
            redactor: redactor,
            timeSource: configuration.timeSource,
            random: configuration.random,
            timeout: configuration.timeout,
            errorDecoder: OdynErrorEnvelope.businessCentral
        )
        do {
            self.api = try APIClient(configuration: pipeline, transport: transport)
        } catch let error as APIError {
            throw OdynError(.invalidURL, error.message)
        }
        self.configuration = configuration
        self.baseURL = url
        self.logger = logger
        logger?.debug(
            "odyn client initialized",
            metadata: ["base_url": "\(redactor.redact(url: url))", "timeout": "\(configuration.timeout)"])
    }

    /// `OdynClient(baseURL: '<url>', timeout: <duration>)`; never shows the session.
    public var description: String {
        "OdynClient(baseURL: '\(baseURL.absoluteString)', timeout: \(configuration.timeout))"
    }

    /// The redactor used for logs and errors.
    var redactor: Redactor { api.configuration.redactor }

    /// Sends one endpoint through the pipeline.
    ///
    /// AuthCore wraps an error thrown while reading an accepted answer in an ``APIError`` of kind
    /// `decoding`; when that error is OdynKit's own shape check (an ``OdynError``), it is handed
    /// on as it is, so callers see one error type per cause.
    func send<Response>(_ endpoint: Endpoint<Response>) async throws -> Response {
        do {
            return try await api.send(endpoint)
        } catch let error as APIError {
            if let own = error.underlying as? OdynError { throw own }
            throw error
        }
    }
}

extension OdynClient: CustomReflectable {
    /// The base URL and settings; never the pipeline, its authenticator or tokens.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL.absoluteString, "session": configuration.session,
                "retry": configuration.retry, "timeout": "\(configuration.timeout)",
                "maxConcurrentRequests": configuration.maxConcurrentRequests as Any,
                "pagination": configuration.pagination,
            ],
            displayStyle: .struct
        )
    }
}
