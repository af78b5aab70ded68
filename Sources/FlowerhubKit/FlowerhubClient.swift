import AuthCore
import Foundation
import HTTPTypes
import Logging

/// A client for the Flowerhub portal API: cookie-JWT login, typed asset, status, agreement,
/// invoice, consumption, revenue and uptime data, and periodic status polling.
///
/// ```swift
/// let client = try FlowerhubClient()
/// try await client.login(username: "kim@example.se", password: Secret(password))
/// let readout = try await client.readoutSequence()
/// print(readout.asset?.flowerhubStatus.status ?? "-")
/// ```
///
/// Every call has two forms. The plain one (`fetchAsset(…)`) returns the typed value and throws
/// every failure. The `…Result` one (`fetchAssetResult(…)`, the original library's
/// `raise_on_error=False`) returns a ``FlowerhubResult`` that carries HTTP and payload errors
/// instead; it still throws what no result can describe (a needed new login, a failed session
/// refresh, an invalid argument, a transport failure, a time-out, cancellation). Ids left out
/// fall back to the ones the client discovered (or you set); a missing id throws before any
/// request is sent.
///
/// The portal's `Authentication` and `Refresh` cookies live in this client's own `CookieJar`
/// (never a process-wide store). A 401 makes AuthCore's cookie session send one refresh
/// (`GET /auth/refresh-token`, shared by all concurrent callers) and retry once; a second 401,
/// or a refresh the portal refuses (401 or 403), throws an `APIError` whose
/// `APIError.requiresReauthentication` is `true` and calls the auth-failed handler once. A
/// refresh that fails for a passing reason (5xx, 429, a time-out, an unreachable server) ends
/// the call with that error instead: `APIError.isTransient` is `true`, no new login is asked
/// for, and the call is not retried.
///
/// 5xx and 429 answers are retried from separate budgets: ``FlowerhubCallOptions/retry5xxAttempts``
/// and ``Configuration/maxRateLimitRetries``.
public actor FlowerhubClient {
    /// The settings the client was created with.
    public nonisolated let configuration: Configuration
    /// The client's cookie jar (names only are printable).
    public nonisolated let cookieJar: CookieJar

    /// The one pipeline every request goes through, built once.
    nonisolated let api: APIClient
    nonisolated let limiter: ConcurrencyLimiter
    nonisolated let logger: Logger?
    nonisolated let owner: FlowerhubSessionOwner

    /// The asset id discovered by ``fetchAssetId(assetOwnerId:options:)`` or set with ``setAssetId(_:)``.
    public internal(set) var assetId: Int?
    /// The raw asset object of the last successful ``fetchAsset(assetId:options:)``.
    public internal(set) var assetInfo: [String: JSONValue]?
    /// The typed asset of the last successful ``fetchAsset(assetId:options:)``.
    public internal(set) var asset: FlowerhubAsset?
    /// The status of the last successful ``fetchAsset(assetId:options:)``.
    public internal(set) var flowerhubStatus: FlowerhubStatus?
    /// The per-attempt time limit used when a call gives none; `nil` means none.
    public private(set) var requestTimeout: Duration?

    var onAuthFailed: (@Sendable () -> Void)?
    var onAPIError: (@Sendable (any Error) -> Void)?
    var pollingRun: PollingRun?
    var pollingGeneration: UInt64 = 0

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, origin, timeouts, retry caps, concurrency, clock and randomness.
    ///   - transport: How requests reach the network; by default the process-wide
    ///     `URLSessionTransport.shared` (cookie-free: the cookies stay in this client's jar).
    ///   - logger: Where to log (redacted); `nil` logs nothing.
    /// - Throws: `APIError` of kind `invalidConfiguration` naming the bad value: a base URL that
    ///   is not `https` (or `http` on loopback), an origin that is not `scheme://host[:port]`, a
    ///   negative retry count, cap or concurrency limit.
    public init(
        configuration: Configuration = Configuration(),
        transport: any HTTPTransport = URLSessionTransport.shared,
        logger: Logger? = nil
    ) throws {
        try configuration.validate()
        let jar = CookieJar()
        let limiter = ConcurrencyLimiter(limit: configuration.maxConcurrency)
        let owner = FlowerhubSessionOwner()
        var headers = HTTPFields()
        headers[.origin] = configuration.origin
        headers[.userAgent] = FlowerhubClient.userAgent
        for field in configuration.additionalHeaders { headers[field.name] = nil }
        headers.append(contentsOf: configuration.additionalHeaders)
        let session = CookieSession(
            jar: jar, sessionCookieNames: ["Authentication", "Refresh"], timeSource: configuration.timeSource,
            refresh: FlowerhubEndpoints.refresh(owner: owner, logger: logger)
        )
        self.api = try APIClient(
            configuration: APIClient.Configuration(
                baseURL: configuration.baseURL,
                defaultHeaders: headers,
                retryPolicy: .none,
                concurrencyLimiter: limiter,
                authenticator: session,
                cookieJar: jar,
                logger: logger,
                timeSource: configuration.timeSource,
                random: configuration.random
            ),
            transport: transport
        )
        self.configuration = configuration
        self.cookieJar = jar
        self.limiter = limiter
        self.logger = logger
        self.owner = owner
        self.requestTimeout = configuration.requestTimeout
    }

    deinit {
        pollingRun?.task.cancel()
    }

    /// The asset owner id from the last login or refresh, or set with ``setAssetOwnerId(_:)``.
    public var assetOwnerId: Int? { owner.assetOwnerId }

    /// How old ``flowerhubStatus`` is on the client's clock; `nil` before the first successful fetch.
    public var flowerhubStatusAge: Duration? {
        flowerhubStatus?.age(at: configuration.timeSource.now)
    }

    /// Sets the asset owner id used when a call gives none.
    public func setAssetOwnerId(_ id: Int?) {
        owner.assetOwnerId = id
    }

    /// Sets the asset id used when a call gives none.
    public func setAssetId(_ id: Int?) {
        assetId = id
    }

    /// Sets the per-attempt time limit used when a call gives none; `nil` or zero means none.
    public func setRequestTimeout(_ timeout: Duration?) {
        requestTimeout = timeout
    }

    /// Limits how many requests are in flight; `nil` or `0` removes the limit. Takes effect at once.
    public func setMaxConcurrency(_ limit: Int?) async {
        await limiter.setLimit(limit)
    }

    /// Sets (or clears) the handler called once per call that ends needing a new login (a login
    /// 401, a second 401 after a refresh, a refused refresh), before the error is thrown.
    public func setOnAuthFailed(_ handler: (@Sendable () -> Void)?) {
        onAuthFailed = handler
    }

    /// Sets (or clears) the handler called with each HTTP or payload error just before the
    /// throwing form of a call throws it (the `…Result` forms return errors without calling it).
    public func setOnAPIError(_ handler: (@Sendable (any Error) -> Void)?) {
        onAPIError = handler
    }

    /// Stops periodic polling. The transport is left untouched and stays usable.
    public func close() {
        stopPeriodicAssetFetch()
    }
}
