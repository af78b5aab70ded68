import HTTPTypes

/// Holds a slot of a ``ConcurrencyLimiter`` for the whole call.
struct ConcurrencyLimitMiddleware: APIMiddleware {
    let limiter: ConcurrencyLimiter

    func intercept(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        try await limiter.withSlot { try await next(request, body, context) }
    }
}
