import Foundation
import HTTPTypes
import Logging

extension APIClient {
    /// Everything an ``APIClient`` needs besides its transport.
    public struct Configuration: Sendable {
        /// The base URL every relative endpoint path is resolved against. Must be `https`,
        /// or `http` on a loopback host (127.0.0.0/8, `localhost`, `::1`).
        public var baseURL: URL
        /// Header fields sent with every request (for example `User-Agent`, `Origin`).
        public var defaultHeaders: HTTPFields
        /// The retry policy used when a call does not give one.
        public var retryPolicy: APIRetryPolicy
        /// Limits requests in flight; share one limiter between clients to limit them together.
        public var concurrencyLimiter: ConcurrencyLimiter?
        /// Applies credentials and recovers from 401s; `nil` sends requests unauthenticated.
        public var authenticator: (any APIAuthenticator)?
        /// Keeps cookies for this client only (cookie-session auth); `nil` sends no cookies.
        public var cookieJar: CookieJar?
        /// Where the client logs; `nil` logs nothing.
        public var logger: Logger?
        /// What is removed from logs and errors.
        public var redactor: Redactor
        /// The clock and sleeper (inject a virtual one in tests).
        public var timeSource: any TimeSource
        /// The jitter source.
        public var random: RandomSource
        /// The per-attempt time limit used when a call does not give one; `nil` leaves it to the transport.
        public var timeout: Duration?
        /// The whole-call deadline used when a call does not give one; `nil` means none.
        public var deadline: Duration?
        /// Reads the vendor's error envelope.
        public var errorDecoder: ErrorEnvelopeDecoder
        /// Extra middlewares, run just inside logging, outermost first.
        public var middlewares: [any APIMiddleware]

        /// Creates a configuration.
        public init(
            baseURL: URL,
            defaultHeaders: HTTPFields = [:],
            retryPolicy: APIRetryPolicy = .default,
            concurrencyLimiter: ConcurrencyLimiter? = nil,
            authenticator: (any APIAuthenticator)? = nil,
            cookieJar: CookieJar? = nil,
            logger: Logger? = nil,
            redactor: Redactor = .default,
            timeSource: any TimeSource = SystemTimeSource(),
            random: RandomSource = .system,
            timeout: Duration? = nil,
            deadline: Duration? = nil,
            errorDecoder: @escaping ErrorEnvelopeDecoder = VendorErrorDetails.commonEnvelope,
            middlewares: [any APIMiddleware] = []
        ) {
            self.baseURL = baseURL
            self.defaultHeaders = defaultHeaders
            self.retryPolicy = retryPolicy
            self.concurrencyLimiter = concurrencyLimiter
            self.authenticator = authenticator
            self.cookieJar = cookieJar
            self.logger = logger
            self.redactor = redactor
            self.timeSource = timeSource
            self.random = random
            self.timeout = timeout
            self.deadline = deadline
            self.errorDecoder = errorDecoder
            self.middlewares = middlewares
        }
    }
}
