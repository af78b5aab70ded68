import Foundation
import HTTPTypes
import HTTPTypesFoundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default transport: Foundation's `URLSession` (FoundationNetworking and libcurl on Linux).
///
/// One transport owns one long-lived session for its whole life: short-lived sessions crash
/// FoundationNetworking on Linux, so create a transport once and share it — every client uses
/// ``shared`` unless given another. A transport invalidates the session it created when it is
/// released (a session given to it stays the host's). The session AuthCore
/// creates is ephemeral and cookie-free (no shared cookie storage, no cache), so accounts never
/// share state through it; cookie-based auth keeps its cookies in AuthCore's own `CookieJar`.
///
/// URLSession's request timeout is an idle timer and Linux ignores the resource timeout, so
/// this transport enforces the whole-attempt limit itself. On a redirect to another origin it
/// drops `Authorization` and `Cookie`, so credentials never follow a request off its host.
///
/// Its errors carry no URL: the client that sends through it adds the URL, redacted with that
/// client's redactor (which may hide every query value, not only the secret ones).
public final class URLSessionTransport: HTTPTransport {
    /// Settings for the transport.
    public struct Configuration: Sendable {
        /// The whole-attempt time limit used when a call does not give one. Default 60 s.
        public var defaultTimeout: Duration
        /// The largest request body read from a stream.
        public var maximumRequestBodySize: Int

        /// Creates a configuration.
        public init(defaultTimeout: Duration = .seconds(60), maximumRequestBodySize: Int = 64 * 1024 * 1024) {
            self.defaultTimeout = defaultTimeout
            self.maximumRequestBodySize = maximumRequestBodySize
        }
    }

    private let session: URLSession
    private let configuration: Configuration
    /// Whether the transport created ``session`` and so must invalidate it when it goes away.
    private let ownsSession: Bool

    /// The transport every client uses unless given another: one long-lived session for the
    /// whole process, as FoundationNetworking needs.
    public static let shared = URLSessionTransport()

    /// Creates a transport with its own ephemeral, cookie-free session.
    public init(configuration: Configuration = Configuration()) {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.httpCookieAcceptPolicy = .never
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.timeoutIntervalForRequest = configuration.defaultTimeout.seconds
        self.session = URLSession(
            configuration: sessionConfiguration,
            delegate: CrossOriginRedirectGuard(),
            delegateQueue: nil
        )
        self.configuration = configuration
        self.ownsSession = true
    }

    /// Creates a transport over a session the host app owns (for example one shared by the whole app).
    ///
    /// The session is never invalidated by the transport. Its cookie and redirect settings are
    /// the host's responsibility.
    public init(session: URLSession, configuration: Configuration = Configuration()) {
        self.session = session
        self.configuration = configuration
        self.ownsSession = false
    }

    deinit {
        // A session keeps a strong reference to its delegate until invalidated: without this, every
        // transport ever created would stay alive with its session. Running tasks still finish.
        if ownsSession { session.finishTasksAndInvalidate() }
    }

    /// Sends the request and returns the whole response; see ``HTTPTransport``.
    public func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        guard let url = request.url, var urlRequest = URLRequest(httpRequest: request) else {
            throw APIError(
                kind: .invalidConfiguration, message: "request has no valid URL", method: request.method.rawValue)
        }
        let limit = timeout ?? configuration.defaultTimeout
        // FoundationNetworking on Linux times out at once for sub-second intervals, and its timer is
        // an idle timer anyway: give it whole seconds with slack, and enforce the exact limit below.
        urlRequest.timeoutInterval = (limit.seconds + 1).rounded(.up)
        if let body {
            urlRequest.httpBody = try await body.collect(upTo: configuration.maximumRequestBodySize)
            if request.headerFields[.contentType] == nil, let contentType = body.contentType {
                urlRequest.setValue(contentType, forHTTPHeaderField: "Content-Type")
            }
        }
        let method = request.method.rawValue
        let session = self.session
        let finalRequest = urlRequest
        do {
            let (data, response) = try await withTimeLimit(
                limit,
                timeSource: SystemTimeSource(),
                timeoutError: {
                    APIError(kind: .timeout, message: "no complete response within \(limit.seconds)s", method: method)
                },
                operation: { try await CancellableDataTask.data(for: finalRequest, session: session) }
            )
            guard let httpURLResponse = response as? HTTPURLResponse, let head = httpURLResponse.httpResponse else {
                throw APIError(kind: .invalidResponse, message: "response is not HTTP", method: method)
            }
            return RawResponse(head: head.separatingJoinedSetCookies(), body: data, url: url)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.fromTransportFailure(error, method: method, url: nil)
        }
    }
}

/// Strips credentials from redirects that leave the original origin.
private final class CrossOriginRedirectGuard: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    // @unchecked: the class has no stored state.
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(CrossOriginRedirectGuard.strippingCredentials(request, from: task.originalRequest?.url))
    }

    static func strippingCredentials(_ request: URLRequest, from original: URL?) -> URLRequest {
        guard let original, let target = request.url, !sameOrigin(original, target) else { return request }
        var stripped = request
        stripped.setValue(nil, forHTTPHeaderField: "Authorization")
        stripped.setValue(nil, forHTTPHeaderField: "Cookie")
        stripped.setValue(nil, forHTTPHeaderField: "Proxy-Authorization")
        return stripped
    }

    static func sameOrigin(_ lhs: URL, _ rhs: URL) -> Bool {
        URLOrigin.same(lhs, rhs)
    }
}
