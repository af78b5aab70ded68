import AuthCore
import Foundation
import HTTPTypes

extension FlowerhubClient {
    /// Settings fixed when a client is created. Every value has the portal's default; the test
    /// seams (``timeSource``, ``random``) default to the real clock and the system's randomness.
    public struct Configuration: Sendable {
        /// The portal's production API.
        public static let defaultBaseURL = URL(string: "https://api.portal.flowerhub.se")!
        /// The `Origin` the portal expects.
        public static let defaultOrigin = "https://portal.flowerhub.se"

        /// The API base URL (`https`, or `http` on loopback for a local sandbox).
        public var baseURL: URL
        /// The `Origin` header sent with every request: `scheme://host[:port]`.
        public var origin: String
        /// Extra header fields sent with every request, merged over `Origin`.
        public var additionalHeaders: HTTPFields
        /// The initial per-attempt time limit (the original's `request_timeout_total`); `nil` or
        /// zero means none. Change it with ``FlowerhubClient/setRequestTimeout(_:)``.
        public var requestTimeout: Duration?
        /// How often one call retries a 429 (the original retried forever); independent of the
        /// call's ``FlowerhubCallOptions/retry5xxAttempts``. A 429 beyond it is an `APIError` of
        /// kind `rateLimited` with the server's `APIError.retryAfter`, thrown or returned.
        public var maxRateLimitRetries: Int
        /// The longest `Retry-After` wait obeyed (the original had no cap); longer requests are clamped.
        public var retryAfterCap: Duration
        /// The largest linear backoff step before jitter.
        public var backoffCap: Duration
        /// The initial concurrency limit; `nil` or `0` is unlimited. Change it with
        /// ``FlowerhubClient/setMaxConcurrency(_:)``.
        public var maxConcurrency: Int?
        /// The time zone of the default uptime-pie period (the current month).
        public var timeZone: TimeZone
        /// The clock and sleeper for backoff, status timestamps and polling (a virtual one in tests).
        public var timeSource: any TimeSource
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
            timeSource: any TimeSource = SystemTimeSource(),
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
            self.timeSource = timeSource
            self.random = random
        }
    }
}

extension FlowerhubClient.Configuration {
    /// Checks the values AuthCore does not check itself (it checks the base URL).
    ///
    /// - Throws: ``APIError`` of kind `invalidConfiguration` naming the bad value.
    func validate() throws {
        func invalid(_ message: String) -> APIError {
            APIError(kind: .invalidConfiguration, message: "FlowerhubClient.Configuration.\(message)")
        }
        guard let originURL = URL(string: origin), URLOrigin(originURL) != nil,
            originURL.path.isEmpty, originURL.query == nil, originURL.user == nil
        else {
            throw invalid("origin must have the form scheme://host[:port]")
        }
        guard maxRateLimitRetries >= 0 else {
            throw invalid("maxRateLimitRetries must be 0 or more, got \(maxRateLimitRetries)")
        }
        guard retryAfterCap >= .zero else { throw invalid("retryAfterCap must not be negative") }
        guard backoffCap >= .zero else { throw invalid("backoffCap must not be negative") }
        if let maxConcurrency, maxConcurrency < 0 {
            throw invalid("maxConcurrency must be nil or 0 or more, got \(maxConcurrency)")
        }
    }
}
