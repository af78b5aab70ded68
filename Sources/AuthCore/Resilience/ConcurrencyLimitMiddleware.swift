import HTTPTypes

/// Holds a slot of a ``ConcurrencyLimiter`` for the whole call.
struct ConcurrencyLimitMiddleware: Middleware {
    let limiter: ConcurrencyLimiter

    func intercept(
        _ request: HTTPRequest,
        body: RequestBody?,
        context: RequestContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        try await limiter.withSlot { try await next(request, body, context) }
    }
}
