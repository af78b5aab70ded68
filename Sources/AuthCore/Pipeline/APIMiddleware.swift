import HTTPTypes

/// The rest of the chain, as seen from a middleware: call it to pass the request inwards.
public typealias NextHandler = @Sendable (HTTPRequest, APIRequestBody?, APICallContext) async throws -> RawResponse

/// One layer of an ``APIClient``'s request path.
///
/// A middleware sees the request on its way in and the response (or error) on its way out. It
/// may change the request, call `next` zero or more times, change the response, or throw. AuthCore's
/// own layers are middlewares: logging, concurrency limit, retry, authentication, error mapping
/// and cookies. Host apps add their own (metrics, tracing, extra headers, fault injection) through
/// ``APIClient/Configuration/middlewares``; those run just inside logging, around everything else.
///
/// Choose a middleware when the behaviour applies to every request of a client; choose a custom
/// ``HTTPTransport`` only to change how bytes reach the network.
public protocol APIMiddleware: Sendable {
    /// Handles one request.
    ///
    /// - Parameters:
    ///   - request: The request head as it arrives at this layer.
    ///   - body: The body; check its ``APIRequestBody/iterationBehavior`` before sending it twice.
    ///   - context: Per-call information: options, logger, endpoint traits, attempt number.
    ///   - next: The rest of the chain.
    func intercept(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse
}
