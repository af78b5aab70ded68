import AuthCore

/// How many 5xx and 429 answers one call tolerates, each from its own budget.
///
/// AuthCore's ``APIRetryPolicy`` counts every retry against one `maxAttempts`. The portal's two
/// limits are independent: ``FlowerhubCallOptions/retry5xxAttempts`` bounds server errors and
/// ``FlowerhubClient/Configuration/maxRateLimitRetries`` bounds rate limits, so enabling 5xx
/// retries never lowers the number of 429s a call rides out, and 429s never use up the 5xx budget.
struct FlowerhubRetryBudget: Sendable, Equatable {
    /// Server-error retries left.
    private(set) var serverErrorRetries: Int
    /// Rate-limit retries left.
    private(set) var rateLimitRetries: Int

    /// A budget; negative counts mean none.
    init(serverErrorRetries: Int, rateLimitRetries: Int) {
        self.serverErrorRetries = max(0, serverErrorRetries)
        self.rateLimitRetries = max(0, rateLimitRetries)
    }

    /// Whether `failure` may be tried again, spending one retry of its own budget if so.
    ///
    /// Only HTTP 429 and 5xx answers are retried; time-outs, transport failures and every other
    /// status are not (as in the original library).
    mutating func spend(on failure: APIError) -> Bool {
        guard let status = failure.status else { return false }
        if status == 429, failure.kind == .rateLimited {
            guard rateLimitRetries > 0 else { return false }
            rateLimitRetries -= 1
            return true
        }
        if (500...599).contains(status), failure.kind == .server {
            guard serverErrorRetries > 0 else { return false }
            serverErrorRetries -= 1
            return true
        }
        return false
    }
}
