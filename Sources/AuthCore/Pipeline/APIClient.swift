import Foundation
import HTTPTypes
import Logging

/// Sends ``Endpoint``s through the middleware chain to a transport and decodes the answers.
///
/// The chain, outermost first: logging → your middlewares → concurrency limit → retry →
/// authentication → error mapping → cookies → transport. Authentication sits inside retry so a
/// retried request carries a refreshed credential; error mapping sits inside authentication so a
/// 401 reaches it as a typed error; endpoints marked `requiresAuthentication: false` (login,
/// token requests) skip the authentication layer entirely.
///
/// A client is a cheap value; copy it freely. Create its transport once and share it.
public struct APIClient: Sendable {
    /// The client's configuration.
    public let configuration: Configuration
    /// The transport requests leave through.
    public let transport: any HTTPTransport
    /// The middlewares folded around the transport, built once per client (not per call).
    private let handler: NextHandler

    /// Creates a client.
    ///
    /// - Throws: ``APIError`` of kind `invalidConfiguration` when the base URL is not `https`
    ///   (or `http` on loopback) or has no host.
    public init(configuration: Configuration, transport: any HTTPTransport = URLSessionTransport.shared) throws {
        try URLResolution.validate(configuration.baseURL)
        self.init(unchecked: configuration, transport: transport)
    }

    /// The same client with a changed configuration (for example without its authenticator, for token requests).
    public func with(_ change: (inout Configuration) -> Void) -> APIClient {
        var copy = configuration
        change(&copy)
        return APIClient(unchecked: copy, transport: transport)
    }

    private init(unchecked configuration: Configuration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.transport = transport
        self.handler = APIClient.chain(configuration, transport: transport)
    }

    /// Sends `endpoint` and returns its decoded result.
    ///
    /// - Throws: ``APIError`` for every failure: HTTP errors (with the vendor's code), transport
    ///   failures, time-outs, cancellation, undecodable bodies, authentication that cannot be restored.
    public func send<Response>(_ endpoint: Endpoint<Response>, options: RequestOptions = RequestOptions()) async throws
        -> Response
    {
        let call = try configuration.prepare(endpoint, options: options)
        return try await configuration.perform(endpoint, call, through: handler)
    }

}

extension APIClient.Configuration {
    /// A call ready to enter the middlewares: the request head, its URL and its context.
    struct PreparedCall: Sendable {
        var request: HTTPRequest
        var url: URL
        var context: APICallContext
    }

    /// Resolves the endpoint's URL and builds its request head and context.
    func prepare<Response>(_ endpoint: Endpoint<Response>, options: RequestOptions) throws -> PreparedCall {
        let url = try URLResolution.resolve(endpoint.path, query: endpoint.query, against: baseURL)
        var request = HTTPRequest(method: endpoint.method, url: url)
        request.headerFields = defaultHeaders
        for field in endpoint.headers { request.headerFields[field.name] = nil }
        request.headerFields.append(contentsOf: endpoint.headers)
        for field in options.headers { request.headerFields[field.name] = nil }
        request.headerFields.append(contentsOf: options.headers)
        if let contentType = endpoint.body?.contentType, request.headerFields[.contentType] == nil {
            request.headerFields[.contentType] = contentType
        }
        let context = makeContext(for: endpoint, request: request, options: options)
        return PreparedCall(request: request, url: url, context: context)
    }

    /// Sends a prepared call through `handler` (the whole chain, or the part inside a layer) and
    /// decodes the answer, finalizing every error on the way out.
    func perform<Response>(
        _ endpoint: Endpoint<Response>,
        _ call: PreparedCall,
        through handler: NextHandler
    ) async throws -> Response {
        let response: RawResponse
        do {
            response = try await handler(call.request, endpoint.body, call.context)
        } catch {
            throw finalize(error, request: call.request, url: call.url, response: nil, context: call.context)
        }
        do {
            return try endpoint.decode(response)
        } catch {
            throw finalize(error, request: call.request, url: call.url, response: response, context: call.context)
        }
    }

    /// The one place an error leaves the client: platform errors become ``APIError``s, the URL is
    /// redacted with this client's redactor, decoding failures get their redacted excerpt, the
    /// secrets the request carried are scrubbed from everything printable, and texts are bounded.
    /// Transports and decoders throw raw errors; redaction happens here, once.
    private func finalize(
        _ error: any Error,
        request: HTTPRequest,
        url: URL,
        response: RawResponse?,
        context: APICallContext
    ) -> APIError {
        var failure: APIError
        if let apiError = error as? APIError {
            failure = apiError
        } else if let response {
            failure = APIError(
                kind: .decoding, message: "the response could not be read", status: response.status,
                responseBody: response.body, underlying: error
            )
        } else {
            failure = APIError.fromTransportFailure(error, method: nil, url: nil)
        }
        failure.method = failure.method ?? request.method.rawValue
        failure.url = failure.url ?? redactor.redact(url: url)
        if let response {
            failure.status = failure.status ?? response.status
            if failure.bodyExcerpt == nil {
                failure.bodyExcerpt = redactor.excerpt(of: response.body, contentType: response.contentType)
            }
            if context.containsSecrets { failure.responseBody = nil }
            let secrets = SentSecrets.values(
                request: response.sentRequest ?? request, body: response.sentBody, explicit: context.secrets,
                redactor: redactor
            )
            failure = failure.scrubbing(secrets)
        } else if !context.secrets.isEmpty {
            failure = failure.scrubbing(context.secrets.map(\.revealed))
        }
        return failure.bounded()
    }

    private func makeContext<Response>(for endpoint: Endpoint<Response>, request: HTTPRequest, options: RequestOptions)
        -> APICallContext
    {
        let policy = options.retryPolicy ?? retryPolicy
        let idempotent =
            options.isIdempotent ?? endpoint.isIdempotent ?? policy.retryableMethods.contains(endpoint.method)
        return APICallContext(
            operation: APIClient.operationName(method: endpoint.method, path: endpoint.path),
            retryPolicy: policy,
            timeout: options.timeout ?? timeout,
            deadline: options.deadline ?? deadline,
            isIdempotent: idempotent,
            requiresAuthentication: endpoint.requiresAuthentication,
            containsSecrets: endpoint.containsSecrets,
            secrets: endpoint.secrets,
            acceptableStatus: endpoint.acceptableStatus,
            errorDecoder: endpoint.errorDecoder ?? errorDecoder,
            logger: options.logger ?? logger ?? .disabled,
            redactor: redactor,
            timeSource: timeSource
        )
    }
}

extension APIClient {
    /// `METHOD /path` for logs: never the query (it may carry secrets) nor an absolute URL's host.
    static func operationName(method: HTTPRequest.Method, path: String) -> String {
        let lowered = path.lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") { return "\(method.rawValue) <absolute URL>" }
        let bare =
            path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        return "\(method.rawValue) \(bare.hasPrefix("/") ? bare : "/" + bare)"
    }

    /// The middlewares in order, folded around the transport.
    private static func chain(_ configuration: Configuration, transport: any HTTPTransport) -> NextHandler {
        var layers: [any APIMiddleware] = [LoggingMiddleware()]
        layers += configuration.middlewares
        if let limiter = configuration.concurrencyLimiter {
            layers.append(ConcurrencyLimitMiddleware(limiter: limiter))
        }
        layers.append(RetryMiddleware(random: configuration.random))
        if let authenticator = configuration.authenticator {
            layers.append(AuthenticationMiddleware(authenticator: authenticator, configuration: configuration))
        }
        layers.append(ErrorMappingMiddleware())
        if let jar = configuration.cookieJar { layers.append(CookieMiddleware(jar: jar)) }
        var handler: NextHandler = { request, body, context in
            var response = try await transport.send(request, body: body, timeout: context.timeout)
            // Remember what was sent, credentials and cookies included, for scrubbing echoes from errors.
            response.sentRequest = request
            response.sentBody = body
            return response
        }
        for layer in layers.reversed() {
            let inner = handler
            handler = { request, body, context in
                try await layer.intercept(request, body: body, context: context, next: inner)
            }
        }
        return handler
    }
}
