import AuthCore
import Foundation
import HTTPTypes

extension FlowerhubClient {
    /// Settings fixed when a client is created.
    public struct Configuration: Sendable {
        /// The portal's production API.
        public static let defaultBaseURL = URL(string: "https://api.portal.flowerhub.se")!
        /// The `Origin` the portal expects.
        public static let defaultOrigin = "https://portal.flowerhub.se"

        /// The API base URL (`https`, or `http` on loopback for a local sandbox).
        public var baseURL: URL
        /// The `Origin` header sent with every request.
        public var origin: String
        /// Extra header fields sent with every request, merged over `Origin`.
        public var additionalHeaders: HTTPFields
        /// The initial per-attempt time limit (the original's `request_timeout_total`); `nil` or zero means none.
        public var requestTimeout: Duration?
        /// How often one call retries a 429 (the original retried forever); independent of the
        /// call's ``FlowerhubCallOptions/retry5xxAttempts``. A 429 beyond it is an ``APIError`` of
        /// kind `rateLimited` with the server's ``APIError/retryAfter``, thrown or returned.
        public var maxRateLimitRetries: Int
        /// The longest `Retry-After` wait obeyed (the original had no cap); longer requests are clamped.
        public var retryAfterCap: Duration
        /// The largest linear backoff step before jitter.
        public var backoffCap: Duration
        /// The initial concurrency limit; `nil` or `0` is unlimited. Change it with ``FlowerhubClient/setMaxConcurrency(_:)``.
        public var maxConcurrency: Int?
        /// The time zone of the default uptime-pie period (the current month).
        public var timeZone: TimeZone
        /// The jitter source (seed it in tests).
        public var random: RandomSource

        /// Creates a configuration; every value has the portal's default.
        public init(
            baseURL: URL = Configuration.defaultBaseURL,
            origin: String = Configuration.defaultOrigin,
            additionalHeaders: HTTPFields = [:],
            requestTimeout: Duration? = .seconds(10),
            maxRateLimitRetries: Int = 3,
            retryAfterCap: Duration = .seconds(60),
            backoffCap: Duration = .seconds(30),
            maxConcurrency: Int? = nil,
            timeZone: TimeZone = .current,
            random: RandomSource = .system
        ) {
            self.baseURL = baseURL
            self.origin = origin
            self.additionalHeaders = additionalHeaders
            self.requestTimeout = requestTimeout
            self.maxRateLimitRetries = maxRateLimitRetries
            self.retryAfterCap = retryAfterCap
            self.backoffCap = backoffCap
            self.maxConcurrency = maxConcurrency
            self.timeZone = timeZone
            self.random = random
        }
    }
}
