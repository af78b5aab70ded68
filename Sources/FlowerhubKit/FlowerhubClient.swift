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
/// print(readout.asset?.flowerhubStatus?.status ?? "-")
/// ```
///
/// The portal's `Authentication` and `Refresh` cookies live in this client's own ``CookieJar``
/// (never a process-wide store). A 401 triggers one refresh (`GET /auth/refresh-token`, shared by
/// all concurrent callers) and one retry; a second 401, or a refresh the portal refuses (401 or
/// 403), throws an ``APIError`` whose ``APIError/requiresReauthentication`` is `true` and calls the
/// auth-failed handler once. A refresh that fails for a passing reason (5xx, 429, a time-out, an
/// unreachable server) ends the call with that error instead: ``APIError/isTransient`` is `true`,
/// no new login is asked for, and the call is not retried.
///
/// 5xx and 429 answers are retried from separate budgets: ``FlowerhubCallOptions/retry5xxAttempts``
/// and ``Configuration/maxRateLimitRetries``.
///
/// Every fetch throws by default; pass ``FlowerhubCallOptions/returningErrors`` to receive HTTP
/// and payload errors in the ``FlowerhubResult`` instead. Ids left out fall back to the ones
/// the client discovered (or you set); a missing id throws before any request is sent.
public actor FlowerhubClient {
    /// The settings the client was created with.
    public nonisolated let configuration: Configuration
    /// The client's cookie jar (names only are printable).
    public nonisolated let cookieJar: CookieJar

    nonisolated let api: APIClient
    nonisolated let limiter: ConcurrencyLimiter
    nonisolated let timeSource: any TimeSource
    nonisolated let logger: Logger
    nonisolated let shared: SharedSessionState

    /// The asset id discovered by ``fetchAssetId(assetOwnerId:options:)`` or set with ``setAssetId(_:)``.
    public internal(set) var assetId: Int?
    /// The raw asset object of the last successful ``fetchAsset(assetId:options:)``.
    public internal(set) var assetInfo: [String: JSONValue]?
    /// The typed asset of the last successful ``fetchAsset(assetId:options:)``.
    public internal(set) var asset: Asset?
    /// The status of the last successful ``fetchAsset(assetId:options:)``.
    public internal(set) var flowerhubStatus: FlowerHubStatus?

    var onAuthFailed: (@Sendable () -> Void)?
    var onAPIError: (@Sendable (any Error) -> Void)?
    var pollingRun: PollingRun?
    var pollingGeneration: UInt64 = 0

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, timeouts, retry caps, concurrency.
    ///   - transport: How requests reach the network; share one between clients.
    ///   - timeSource: The clock and sleeper for backoff, status timestamps and polling.
    ///   - logger: Where to log (redacted); `nil` logs nothing.
    ///   - onAuthFailed: Called once per call that ends needing a new login (login 401, or a
    ///     second 401 after a refresh), before the error is thrown.
    ///   - onAPIError: Called with each HTTP or payload error just before it is thrown.
    /// - Throws: ``APIError`` of kind `invalidConfiguration` for a base URL that is not `https`.
    public init(
        configuration: Configuration = Configuration(),
        transport: any HTTPTransport = URLSessionTransport(),
        timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger? = nil,
        onAuthFailed: (@Sendable () -> Void)? = nil,
        onAPIError: (@Sendable (any Error) -> Void)? = nil
    ) throws {
        let jar = CookieJar()
        let limiter = ConcurrencyLimiter(limit: configuration.maxConcurrency)
        let shared = SharedSessionState(requestTimeout: configuration.requestTimeout)
        var headers = HTTPFields()
        headers[.origin] = configuration.origin
        for field in configuration.additionalHeaders { headers[field.name] = nil }
        headers.append(contentsOf: configuration.additionalHeaders)
        let plain = try APIClient(
            configuration: APIClient.Configuration(
                baseURL: configuration.baseURL,
                defaultHeaders: headers,
                retryPolicy: .none,
                concurrencyLimiter: limiter,
                cookieJar: jar,
                logger: logger,
                timeSource: timeSource,
                random: configuration.random
            ),
            transport: transport
        )
        let session = CookieSession(
            jar: jar, sessionCookieNames: ["Authentication", "Refresh"], timeSource: timeSource,
            refresh: FlowerhubClient.refreshEndpoint(shared: shared, logger: logger)
        )
        self.configuration = configuration
        self.cookieJar = jar
        self.api = plain.with { $0.authenticator = session }
        self.limiter = limiter
        self.timeSource = timeSource
        self.logger = logger ?? Logger(label: "flowerhub", factory: { _ in SwiftLogNoOpLogHandler() })
        self.shared = shared
        self.onAuthFailed = onAuthFailed
        self.onAPIError = onAPIError
    }

    deinit {
        pollingRun?.task.cancel()
    }

    /// The asset owner id from the last login or refresh, or set with ``setAssetOwnerId(_:)``.
    public var assetOwnerId: Int? { shared.assetOwnerId }

    /// How old ``flowerhubStatus`` is on the client's clock; `nil` before the first successful fetch.
    public var flowerhubStatusAge: Duration? {
        flowerhubStatus?.age(at: timeSource.now)
    }

    /// The per-attempt time limit used when a call gives none; `nil` means none.
    public var requestTimeout: Duration? { shared.requestTimeout }

    /// Sets the asset owner id used when a call gives none.
    public func setAssetOwnerId(_ id: Int?) {
        shared.assetOwnerId = id
    }

    /// Sets the asset id used when a call gives none.
    public func setAssetId(_ id: Int?) {
        assetId = id
    }

    /// Sets the per-attempt time limit used when a call gives none; `nil` or zero means none.
    public func setRequestTimeout(_ timeout: Duration?) {
        shared.requestTimeout = timeout
    }

    /// Limits how many requests are in flight; `nil` or `0` removes the limit. Takes effect at once.
    public func setMaxConcurrency(_ limit: Int?) async {
        await limiter.setLimit(limit)
    }

    /// Sets (or clears) the handler called once per call that ends needing a new login.
    public func setOnAuthFailed(_ handler: (@Sendable () -> Void)?) {
        onAuthFailed = handler
    }

    /// Sets (or clears) the handler called with each HTTP or payload error before it is thrown.
    public func setOnAPIError(_ handler: (@Sendable (any Error) -> Void)?) {
        onAPIError = handler
    }

    /// Stops periodic polling. The transport is left untouched and stays usable.
    public func close() {
        stopPeriodicAssetFetch()
    }
}
