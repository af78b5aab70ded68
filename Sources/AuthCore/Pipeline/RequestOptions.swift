import HTTPTypes
import Logging

/// Per-call settings that override the client's configuration.
public struct RequestOptions: Sendable {
    /// The most time one attempt may take. `nil` uses the client's default.
    public var timeout: Duration?
    /// The most time the whole call may take, retries and backoff included. `nil` uses the client's default.
    public var deadline: Duration?
    /// The retry policy for this call. `nil` uses the client's.
    public var retryPolicy: APIRetryPolicy?
    /// Treat this call as safe to repeat (`true`) or not (`false`), whatever its method.
    /// `nil` decides by method and the endpoint.
    public var isIdempotent: Bool?
    /// Extra header fields for this call; they replace client and endpoint fields of the same name.
    public var headers: HTTPFields
    /// A logger for this call; `nil` uses the client's.
    public var logger: Logger?

    /// Creates options; every parameter defaults to "use the client's setting".
    public init(
        timeout: Duration? = nil,
        deadline: Duration? = nil,
        retryPolicy: APIRetryPolicy? = nil,
        isIdempotent: Bool? = nil,
        headers: HTTPFields = [:],
        logger: Logger? = nil
    ) {
        self.timeout = timeout
        self.deadline = deadline
        self.retryPolicy = retryPolicy
        self.isIdempotent = isIdempotent
        self.headers = headers
        self.logger = logger
    }
}
