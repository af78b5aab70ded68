import AuthCore
import Foundation
import Logging

extension FlowerhubClient {
    /// Sends `endpoint` with ``APIClient/send(_:options:)`` (the client's pipeline has no retry
    /// policy of its own), retrying 5xx and 429 answers within `budget`.
    ///
    /// The kit keeps this loop rather than AuthCore's ``APIRetryPolicy`` because the portal's two
    /// limits are independent (see ``FlowerhubRetryBudget``), and one policy counts every retry
    /// against a single `maxAttempts`.
    ///
    /// The delay is the server's `Retry-After`, capped at ``Configuration/retryAfterCap``, or a
    /// linear backoff (1 s, 2 s, 3 s … plus up to 0.3 s jitter, at most ``Configuration/backoffCap``)
    /// counted over all retries of the call. A failed session refresh is never retried here: it
    /// ends the call. The error thrown counts every attempt made.
    func sendRetrying<Response>(
        _ endpoint: Endpoint<Response>,
        options: RequestOptions,
        budget: FlowerhubRetryBudget
    ) async throws -> Response {
        var budget = budget
        var retries = 0
        while true {
            do {
                return try await api.send(endpoint, options: options)
            } catch var failure as APIError {
                failure.attempts = retries + 1
                guard !failure.isSessionRefreshFailure, budget.spend(on: failure) else { throw failure }
                retries += 1
                let delay = retryDelay(after: failure, retry: retries)
                logger?.debug(
                    "retrying request",
                    metadata: [
                        "retry": "\(retries)", "delay_s": "\(Durations.seconds(delay))",
                        "error_kind": "\(failure.kind)",
                        "status": "\(failure.status.map(String.init) ?? "-")",
                    ]
                )
                do {
                    try await configuration.timeSource.sleep(for: delay)
                } catch {
                    throw APIError(
                        kind: .cancelled, message: "cancelled while waiting to retry", method: failure.method,
                        url: failure.url, attempts: retries, underlying: failure
                    )
                }
            }
        }
    }

    /// The wait before retry number `retry` (1 for the first) after `failure`.
    func retryDelay(after failure: APIError, retry: Int) -> Duration {
        if let requested = failure.retryAfter {
            return max(.zero, min(requested, configuration.retryAfterCap))
        }
        let backoff = Backoff.linear(
            step: .seconds(1), cap: max(.zero, configuration.backoffCap), jitter: .additive(.milliseconds(300))
        )
        return backoff.delay(forRetry: retry, random: configuration.random)
    }
}
