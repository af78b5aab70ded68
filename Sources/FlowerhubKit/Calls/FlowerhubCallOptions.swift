/// Per-call options: the counterpart of the original library's `retry_5xx_attempts` and
/// `timeout_total`. (Its `raise_on_error=False` is the `…Result` form of each call.)
public struct FlowerhubCallOptions: Sendable, Equatable {
    /// Extra attempts after a 5xx (`2` means up to 3 requests for server errors). `nil` uses the
    /// endpoint's default (2 for login and asset-id discovery, otherwise 0); `0` or less disables
    /// 5xx retries. 429s have their own budget, whatever this says:
    /// ``FlowerhubClient/Configuration/maxRateLimitRetries``.
    public var retry5xxAttempts: Int?
    /// The time limit of each attempt. `nil` uses the client's ``FlowerhubClient/requestTimeout``;
    /// zero or less means no limit for this call.
    public var timeout: Duration?

    /// Creates options; the defaults use the endpoint's retries and the client's time limit.
    public init(retry5xxAttempts: Int? = nil, timeout: Duration? = nil) {
        self.retry5xxAttempts = retry5xxAttempts
        self.timeout = timeout
    }
}
