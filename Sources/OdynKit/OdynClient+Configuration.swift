import AuthCore

extension OdynClient {
    /// Everything an ``OdynClient`` needs besides its transport and logger.
    ///
    /// The client checks every value when it is created and throws an ``OdynError`` naming the
    /// bad one. Start from ``environment(_:route:session:)`` for Business Central online, or give
    /// the service root yourself (on-premises, a custom API, a test server):
    ///
    /// ```swift
    /// var configuration = OdynClient.Configuration.environment(
    ///     BCEnvironment(tenantId: tenant, environment: "Production"), session: .clientCredentials(credentials))
    /// configuration.timeout = .seconds(30)
    /// configuration.maxConcurrentRequests = 4
    /// ```
    public struct Configuration: Sendable {
        /// The longest ``timeout`` accepted: one day. Longer is almost certainly a unit mistake,
        /// and far past Business Central's own limits.
        public static let maximumTimeout: Duration = .seconds(86_400)

        /// The service root every endpoint is resolved against, for example
        /// `https://api.businesscentral.dynamics.com/v2.0/<tenant>/Production/api/v2.0/`. Surrounding
        /// white space is removed and a trailing `/` added (see ``OdynClient/normalizeBaseURL(_:)``).
        public var baseURL: String
        /// Who the client is: credentials and header fields sent with every request.
        public var session: OdynSession
        /// How failed requests are retried (Odyn's retries, backoff factor and status forcelist).
        public var retry: OdynRetrySettings
        /// The longest one attempt may take, from sending the request to the last byte of the
        /// answer; a retried call gets this much per attempt. Default 120 s, the longest an attempt
        /// could take with Odyn's `(60, 60)` connect and read timeouts.
        public var timeout: Duration
        /// How many requests may be in flight at once; `nil` for no limit.
        public var maxConcurrentRequests: Int?
        /// The page limits used when a call does not give its own.
        public var pagination: ODataPagination
        /// Whether `$filter` and `$search` values may appear in logged URLs. They often hold personal
        /// data, so they are redacted unless you opt in.
        public var logsFilterValues: Bool
        /// The clock and sleeper for backoff and token expiry; tests inject a virtual one.
        public var timeSource: any TimeSource
        /// The jitter source; tests inject a seeded one.
        public var random: RandomSource

        /// Creates a configuration.
        ///
        /// The default base URL is Business Central online's `Production` environment with the
        /// standard API v2.0 and the tenant taken from the token; the default session sends no
        /// credentials.
        public init(
            baseURL: String = BCEnvironment(environment: "Production").serviceRoot(),
            session: OdynSession = OdynSession(authentication: .none),
            retry: OdynRetrySettings = .default,
            timeout: Duration = .seconds(120),
            maxConcurrentRequests: Int? = nil,
            pagination: ODataPagination = ODataPagination(),
            logsFilterValues: Bool = false,
            timeSource: any TimeSource = SystemTimeSource(),
            random: RandomSource = .system
        ) {
            self.baseURL = baseURL
            self.session = session
            self.retry = retry
            self.timeout = timeout
            self.maxConcurrentRequests = maxConcurrentRequests
            self.pagination = pagination
            self.logsFilterValues = logsFilterValues
            self.timeSource = timeSource
            self.random = random
        }

        /// A configuration for a Business Central environment and API route, other settings at
        /// their defaults.
        public static func environment(
            _ environment: BCEnvironment,
            route: BCAPIRoute = .v2,
            session: OdynSession
        ) -> Configuration {
            Configuration(baseURL: environment.serviceRoot(route), session: session)
        }

        /// Checks the values the base URL check does not cover.
        func validate() throws {
            guard timeout > .zero, timeout <= Configuration.maximumTimeout else {
                throw OdynError(
                    .invalidTimeout,
                    "timeout must be above 0 and at most \(Configuration.maximumTimeout), got \(timeout)")
            }
            if let limit = maxConcurrentRequests, limit < 1 {
                throw OdynError(
                    .invalidConfiguration, "maxConcurrentRequests must be at least 1 (or nil), got \(limit)")
            }
            if let pages = pagination.maxPages, pages < 1 {
                throw OdynError(.invalidConfiguration, "pagination.maxPages must be at least 1 (or nil), got \(pages)")
            }
            if let size = pagination.maxPageSize, size < 1 {
                throw OdynError(
                    .invalidConfiguration, "pagination.maxPageSize must be at least 1 (or nil), got \(size)")
            }
        }
    }
}
