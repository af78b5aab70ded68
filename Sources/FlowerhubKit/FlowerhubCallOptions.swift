/// Per-call options, the counterpart of the original library's `raise_on_error`,
/// `retry_5xx_attempts` and `timeout_total`.
public struct FlowerhubCallOptions: Sendable, Equatable {
    /// `true` (default): HTTP and payload errors are thrown. `false`: they are returned in
    /// ``FlowerhubResult/error``. Reauthentication, a failed session refresh, invalid arguments,
    /// transport failures, time-outs and cancellation are thrown either way.
    public var throwsOnError: Bool
    /// Extra attempts after a 5xx (`2` means up to 3 requests for server errors). `nil` uses the
    /// endpoint's default (2 for login and asset-id discovery, otherwise 0); `0` or less disables
    /// 5xx retries. 429s have their own budget, whatever this says:
    /// ``FlowerhubClient/Configuration/maxRateLimitRetries``.
    public var retry5xxAttempts: Int?
    /// The time limit of each attempt. `nil` uses the client's ``FlowerhubClient/requestTimeout``;
    /// zero or less means no limit for this call.
    public var timeout: Duration?

    /// Creates options.
    public init(throwsOnError: Bool = true, retry5xxAttempts: Int? = nil, timeout: Duration? = nil) {
        self.throwsOnError = throwsOnError
        self.retry5xxAttempts = retry5xxAttempts
        self.timeout = timeout
    }

    /// The defaults: throw on error, endpoint retry default, client timeout.
    public static let throwing = FlowerhubCallOptions()

    /// Return HTTP and payload errors in the result instead of throwing them.
    public static let returningErrors = FlowerhubCallOptions(throwsOnError: false)
}
