import AuthCore
import Foundation
import HTTPTypes
import Logging

/// A Business Central OData V4 client: the Swift counterpart of Odyn's `Odyn` class, on AuthCore.
///
/// Every request goes through AuthCore's pipeline (logging with redaction, retry with backoff and
/// `Retry-After`, authentication with one refresh on 401, error mapping). Endpoints are relative to
/// ``baseURL``; for the standard API that is `…/api/v2.0/` (see ``BCEnvironment``).
///
/// ```swift
/// let client = try OdynClient(
///     environment: BCEnvironment(tenantId: tenant, environment: "Production"),
///     session: OdynSession.clientCredentials(credentials))
/// for try await customer in client.records(BCEntitySet.customers, company: companyId) { … }
/// ```
public struct OdynClient: Sendable, CustomStringConvertible {
    /// The service root every endpoint is resolved against; always ends with `/`.
    public let baseURL: URL
    /// Authentication and retry settings.
    public let session: OdynSession
    /// The `(connect, read)` timeout pair.
    public let timeout: OdynTimeout
    /// Where the client logs; `nil` logs nothing.
    public let logger: Logger?
    /// Default pagination limits.
    public let pagination: ODataPagination
    /// The AuthCore client underneath.
    public let apiClient: APIClient

    /// Creates a client from a base URL (Odyn's `Odyn(base_url, session, logger, timeout)`).
    ///
    /// - Parameters:
    ///   - baseURL: The service root; cleaned up by ``normalizeBaseURL(_:)``.
    ///   - session: Authentication and retry settings.
    ///   - timeout: The `(connect, read)` pair; default 60 s each.
    ///   - logger: Where to log (debug level by default); `nil` logs nothing.
    ///   - logsFilterValues: Whether `$filter`/`$search` values may appear in logged URLs (they often hold
    ///     personal data, so they are redacted unless you opt in).
    ///   - pagination: Default pagination limits.
    ///   - maxConcurrentRequests: How many requests may be in flight at once; `nil` for no limit.
    ///   - transport: How requests reach the network; tests inject a mock.
    ///   - timeSource: The clock and sleeper for backoff and token expiry.
    ///   - random: The jitter source.
    /// - Throws: ``OdynError`` of kind ``OdynError/Kind/invalidURL(reason:)`` for a bad base URL, including
    ///   plain `http` to a host that is not loopback.
    public init(
        baseURL: String,
        session: OdynSession,
        timeout: OdynTimeout = .default,
        logger: Logger? = nil,
        logsFilterValues: Bool = false,
        pagination: ODataPagination = ODataPagination(),
        maxConcurrentRequests: Int? = nil,
        transport: any HTTPTransport = URLSessionTransport(),
        timeSource: any TimeSource = SystemTimeSource(),
        random: RandomSource = .system
    ) throws {
        let url = try OdynClient.normalizeBaseURL(baseURL)
        var redactor = Redactor.default
        if !logsFilterValues { redactor.sensitiveKeys.formUnion(["$filter", "$search"]) }
        var headers = session.headers
        if headers[.accept] == nil { headers[.accept] = "application/json" }
        let configuration = APIClient.Configuration(
            baseURL: url,
            defaultHeaders: headers,
            retryPolicy: session.retry.policy,
            concurrencyLimiter: maxConcurrentRequests.map { ConcurrencyLimiter(limit: $0) },
            authenticator: try session.makeAuthenticator(transport: transport, timeSource: timeSource, logger: logger),
            logger: logger,
            redactor: redactor,
            timeSource: timeSource,
            random: random,
            timeout: timeout.perAttempt
        )
        do {
            self.apiClient = try APIClient(configuration: configuration, transport: transport)
        } catch let error as APIError {
            throw OdynError(.invalidURL(reason: error.message), apiError: error)
        }
        self.baseURL = url
        self.session = session
        self.timeout = timeout
        self.logger = logger
        self.pagination = pagination
        logger?.debug(
            "odyn client initialized", metadata: ["base_url": "\(redactor.redact(url: url))", "timeout": "\(timeout)"])
    }

    /// Creates a client for a Business Central environment and API route.
    ///
    /// - Throws: ``OdynError`` as ``init(baseURL:session:timeout:logger:logsFilterValues:pagination:maxConcurrentRequests:transport:timeSource:random:)``.
    public init(
        environment: BCEnvironment,
        route: BCAPIRoute = .v2,
        session: OdynSession,
        timeout: OdynTimeout = .default,
        logger: Logger? = nil,
        logsFilterValues: Bool = false,
        pagination: ODataPagination = ODataPagination(),
        maxConcurrentRequests: Int? = nil,
        transport: any HTTPTransport = URLSessionTransport(),
        timeSource: any TimeSource = SystemTimeSource(),
        random: RandomSource = .system
    ) throws {
        try self.init(
            baseURL: environment.serviceRoot(route), session: session, timeout: timeout, logger: logger,
            logsFilterValues: logsFilterValues, pagination: pagination, maxConcurrentRequests: maxConcurrentRequests,
            transport: transport, timeSource: timeSource, random: random
        )
    }

    /// `OdynClient(baseURL: '<url>', timeout: (connect, read))`; never shows the session.
    public var description: String { "OdynClient(baseURL: '\(baseURL.absoluteString)', timeout: \(timeout))" }

    /// The redactor used for logs.
    var redactor: Redactor { apiClient.configuration.redactor }

    /// Sends one request and returns the response as it came (after status checks), translating errors.
    ///
    /// The call runs with a ``CallRecord``, so the answer carries a scrubber for the credentials the
    /// request sent, and a failure is read as a token error only when the credential layer threw it.
    func sendRaw(
        _ method: HTTPRequest.Method,
        _ path: String,
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        body: APIRequestBody? = nil,
        isIdempotent: Bool? = nil,
        acceptableStatus: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) }
    ) async throws -> ODataResponse {
        let endpoint = Endpoint<RawResponse>(
            method: method, path: path.isEmpty ? baseURL.absoluteString : path, query: query, headers: headers,
            body: body, isIdempotent: isIdempotent, acceptableStatus: acceptableStatus, decode: { $0 }
        )
        let record = CallRecord()
        let raw: RawResponse
        do {
            raw = try await CallRecord.$current.withValue(record) { try await apiClient.send(endpoint) }
        } catch let error as APIError {
            throw OdynError.from(error, fromCredentialSource: record.isCredentialFailure(error))
        } catch is CancellationError {
            throw OdynError(.cancelled)
        }
        var sent = record.credentialValues
        for field in apiClient.configuration.defaultHeaders + headers where redactor.isSensitiveHeader(field.name) {
            sent.append(field.value)
        }
        return ODataResponse(raw: raw, scrubber: CredentialScrubber(headerValues: sent), redactor: redactor)
    }
}

/// A response as OdynKit received it, with what is needed to build safe error text from it.
struct ODataResponse: Sendable {
    /// The response.
    let raw: RawResponse
    /// Removes the credentials the request carried.
    let scrubber: CredentialScrubber
    /// The client's redactor.
    let redactor: Redactor
}
