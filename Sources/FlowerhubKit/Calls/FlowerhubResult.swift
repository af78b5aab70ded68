import AuthCore

/// The outcome of one call in its error-returning form (the original library's
/// `raise_on_error=False`): the HTTP exchange, the typed value, and the error, if any.
///
/// Every call has two forms. `fetchAsset(…)` throws and returns the value itself;
/// `fetchAssetResult(…)` returns HTTP errors (an `APIError`, a 429 included) and payload
/// errors (a ``FlowerhubError`` of code ``FlowerhubError/Code/invalidResponse``) here instead of
/// throwing them: check ``error`` (or ``isSuccess``) before trusting ``value``. Both forms throw
/// what no result can describe: a needed new login, a failed session refresh, an invalid
/// argument, a transport failure, a time-out, cancellation.
public struct FlowerhubResult<Value: Sendable>: Sendable {
    /// The HTTP status of the final response.
    public var statusCode: Int
    /// The body parsed as JSON; `nil` for an empty or non-JSON body (HTML error pages).
    public var json: JSONValue?
    /// The raw body text (secrets the request sent removed).
    public var text: String
    /// The redacted URL of the request.
    public var url: String?
    /// The typed value; `nil` when the call failed (or, for asset-id discovery and system
    /// notifications, when the portal sent `null` or nothing).
    public var value: Value?
    /// The HTTP or payload error; `nil` when the call succeeded.
    public var error: (any Error)?

    /// Creates a result.
    public init(statusCode: Int, json: JSONValue?, text: String, url: String?, value: Value?, error: (any Error)?) {
        self.statusCode = statusCode
        self.json = json
        self.text = text
        self.url = url
        self.value = value
        self.error = error
    }

    /// The error's redacted description, or `nil`.
    public var errorMessage: String? {
        error.map { String(describing: $0) }
    }

    /// Whether the call succeeded: a 2xx status and no error.
    public var isSuccess: Bool {
        error == nil && (200..<300).contains(statusCode)
    }
}
