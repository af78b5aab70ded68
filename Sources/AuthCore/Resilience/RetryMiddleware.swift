import Foundation
import HTTPTypes
import Logging

/// Tries failed attempts again according to the call's ``APIRetryPolicy``, within its deadline.
///
/// It sits outside authentication, so every retry carries the newest credential. Before each
/// attempt it checks cancellation; it never replays a single-use body; it never sleeps past the
/// call's deadline, and enforces that deadline over the whole call, attempts and sleeps included.
struct RetryMiddleware: APIMiddleware {
    let random: RandomSource

    func intercept(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        let timeSource = context.timeSource
        guard let deadline = context.deadline else {
            return try await attempts(request, body: body, context: context, deadlineDate: nil, next: next)
        }
        let deadlineDate = timeSource.now.addingTimeInterval(deadline.seconds)
        let method = request.method.rawValue
        let url = request.url.map { context.redactor.redact(url: $0) }
        return try await withTimeLimit(
            deadline,
            timeSource: timeSource,
            timeoutError: {
                APIError(
                    kind: .timeout, message: "the call did not finish within its \(deadline.seconds)s deadline",
                    method: method, url: url)
            },
            operation: {
                try await attempts(request, body: body, context: context, deadlineDate: deadlineDate, next: next)
            }
        )
    }

    private func attempts(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        deadlineDate: Date?,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        let policy = context.retryPolicy
        var attempt = 1
        while true {
            if Task.isCancelled {
                throw APIError(
                    kind: .cancelled, message: "the call was cancelled", method: request.method.rawValue,
                    attempts: attempt - 1)
            }
            var attemptContext = context
            attemptContext.attempt = attempt
            do {
                return try await next(request, body, attemptContext)
            } catch {
                var failure = APIError.fromTransportFailure(error, method: request.method.rawValue, url: nil)
                failure.attempts = attempt
                if failure.kind == .cancelled || Task.isCancelled { throw failure }
                let decision = policy.decision(
                    after: failure,
                    attempt: attempt,
                    isIdempotent: context.isIdempotent,
                    bodyReplayable: body?.iterationBehavior != .single,
                    random: random
                )
                guard case .retry(let delay) = decision else { throw failure }
                if let deadlineDate, context.timeSource.now.addingTimeInterval(delay.seconds) > deadlineDate {
                    throw APIError(
                        kind: .timeout, message: "the next retry would start after the call's deadline",
                        status: failure.status, method: failure.method, url: failure.url, attempts: attempt,
                        underlying: failure
                    )
                }
                context.logger.debug(
                    "retrying request",
                    metadata: [
                        "operation": "\(context.operation)", "attempt": "\(attempt)", "delay_s": "\(delay.seconds)",
                        "error_kind": "\(failure.kind)", "status": "\(failure.status.map(String.init) ?? "-")",
                    ]
                )
                do {
                    try await context.timeSource.sleep(for: delay)
                } catch {
                    throw APIError(
                        kind: .cancelled, message: "cancelled while waiting to retry", attempts: attempt,
                        underlying: failure)
                }
                attempt += 1
            }
        }
    }
}
