import AsyncHTTPClient
import AuthCore
import Foundation
import HTTPTypes
import NIOCore
import Synchronization

/// An `HTTPTransport` over AsyncHTTPClient, for server apps (Linux services, command-line tools)
/// that already run SwiftNIO or want its connection pooling instead of Foundation's URLSession.
///
/// It keeps the rules of `URLSessionTransport`, and both run the same conformance suite:
/// - the time limit covers the whole attempt (connecting, sending, every redirect and the whole
///   body), and fires on time even while the server keeps trickling bytes;
/// - redirects are followed by the transport itself, at most ``Configuration/maximumRedirects``
///   in a row: 301 and 302 after a POST, and 303 after any method, continue as a GET without the
///   body; the others keep the method and send the body again. `Authorization`, `Cookie` and
///   `Proxy-Authorization` are dropped as soon as a redirect leaves the request's origin;
/// - no cookie storage: cookie-based auth keeps its cookies in AuthCore's `CookieJar`, and every
///   `Set-Cookie` field of a response stays its own field;
/// - every status comes back as a `RawResponse`; failures are `APIError`s of kind `transport`
///   (with a `URLError` underneath whose code says what happened, so retry decisions are the same
///   as with URLSession, and the SwiftNIO or AsyncHTTPClient error under that), `timeout` or
///   `cancelled`, without the URL (the client adds it, redacted).
///
/// A response body larger than ``Configuration/maximumResponseBodySize`` is refused with an
/// `invalidResponse` error (``ResponseBodyTooLarge`` underneath) instead of being buffered.
///
/// Where it differs from URLSession on Linux, on purpose: a redirect that keeps the method sends
/// the body again (FoundationNetworking sends an empty one); a response cut short is
/// `networkConnectionLost` (FoundationNetworking says `unknown`), so it is retried like a reset;
/// reading a streamed request body counts against the time limit; and it sends only the fields
/// the request has: no `User-Agent`, `Accept-Language` or `Accept-Encoding` of its own (set a
/// `User-Agent` in `APIClient.Configuration.defaultHeaders` if a vendor wants one), so bodies arrive
/// uncompressed and the size limit counts the bytes on the wire.
///
/// ```swift
/// import AuthCore
/// import AuthCoreAsyncHTTPClient
///
/// // One transport for the whole process, on AsyncHTTPClient's shared event loops. Kits take it
/// // like any transport, through the `transport:` parameter of their client's initializer.
/// let client = try APIClient(
///     configuration: .init(baseURL: URL(string: "https://api.example.com")!),
///     transport: AsyncHTTPClientTransport.shared
/// )
/// let account = try await client.send(Endpoint<JSONValue>.json(.get, "/v1/account"))
///
/// // Or a transport with a connection pool of its own, shut down when the service stops:
/// let transport = AsyncHTTPClientTransport(configuration: .init(defaultTimeout: .seconds(30)))
/// let reports = try APIClient(configuration: .init(baseURL: reportsURL), transport: transport)
/// // ... serve requests with `reports` ...
/// try await transport.shutdown()
/// ```
///
/// A transport may also send through an `HTTPClient` the app already has; see
/// ``init(client:configuration:)`` for what such a client should be configured with.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// Who shuts the client down.
    private enum Ownership {
        /// Created by ``init(configuration:)``: ``shutdown()`` or the transport's release does it.
        case owned
        /// Given to ``init(client:configuration:)``: the app does it.
        case borrowed
        /// The client of ``shared``: lives as long as the process.
        case processWide
    }

    /// The AsyncHTTPClient the requests go through.
    let client: HTTPClient
    /// The transport's limits.
    let configuration: Configuration
    private let ownership: Ownership
    private let isShutDown = Mutex(false)

    /// A transport for the whole process, over a client of its own on AsyncHTTPClient's shared
    /// event loop group (``Configuration``'s defaults). It is never shut down; ``shutdown()``
    /// does nothing on it.
    ///
    /// AsyncHTTPClient's own `HTTPClient.shared` is not used: it follows redirects itself (by its
    /// rules, not URLSession's) and retries refused connections until its connect timeout, where
    /// this transport must see both. It can still be given to ``init(client:configuration:)``.
    public static let shared = AsyncHTTPClientTransport(
        client: HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: Configuration().clientConfiguration()
        ),
        configuration: Configuration(),
        ownership: .processWide
    )

    /// Creates a transport with an `HTTPClient` of its own (its own connection pool, on the
    /// shared event loop group), configured by ``Configuration/clientConfiguration(startingFrom:)``.
    ///
    /// Call ``shutdown()`` when the transport is no longer needed, after its last request; a
    /// transport released without it shuts its client down in the background.
    public convenience init(configuration: Configuration = Configuration()) {
        self.init(
            client: HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                configuration: configuration.clientConfiguration()
            ),
            configuration: configuration,
            ownership: .owned
        )
    }

    /// Creates a transport over an `HTTPClient` the app owns. The transport never shuts it down.
    ///
    /// For the same behaviour as the transport's own client, build the client's configuration
    /// with ``Configuration/clientConfiguration(startingFrom:)``. A client that follows redirects
    /// itself hides them from the transport (AsyncHTTPClient then applies its own rules, which
    /// also drop credentials across origins); one that retries refused connections turns a
    /// refused connection into a timeout; one that decompresses bodies makes the size limit
    /// apply to the decompressed bytes.
    public convenience init(client: HTTPClient, configuration: Configuration = Configuration()) {
        self.init(client: client, configuration: configuration, ownership: .borrowed)
    }

    private init(client: HTTPClient, configuration: Configuration, ownership: Ownership) {
        self.client = client
        self.configuration = configuration
        self.ownership = ownership
    }

    deinit {
        // AsyncHTTPClient traps (in debug builds) when a client is released without a shutdown.
        // The callback form does not block, and the client stays alive until it has shut down.
        guard ownership == .owned, !isShutDown.withLock({ $0 }) else { return }
        client.shutdown { _ in }
    }

    /// Shuts down the client the transport created, after letting requests under way finish.
    ///
    /// Later requests fail with an `invalidConfiguration` error. Calling it again does nothing;
    /// on ``shared`` and on a transport over an app's client it does nothing at all.
    public func shutdown() async throws {
        guard ownership == .owned else { return }
        let wasShutDown = isShutDown.withLock { value in
            defer { value = true }
            return value
        }
        guard !wasShutDown else { return }
        try await client.shutdown()
    }

    /// Sends the request and returns the whole response; see `HTTPTransport`.
    public func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        let method = request.method.rawValue
        guard let url = request.url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else {
            throw APIError(kind: .invalidConfiguration, message: "request has no valid http(s) URL", method: method)
        }
        guard !isShutDown.withLock({ $0 }) else {
            throw APIError(kind: .invalidConfiguration, message: "the transport was shut down", method: method)
        }
        let limit = timeout ?? configuration.defaultTimeout
        do {
            let (head, data) = try await withWholeAttemptLimit(
                limit,
                timeoutError: {
                    APIError(
                        kind: .timeout, message: "no complete response within \(Durations.seconds(limit))s",
                        method: method)
                },
                operation: { try await self.exchange(request, url: url, body: body, limit: limit) }
            )
            return RawResponse(head: head, body: data, url: url)
        } catch let error as APIError {
            throw error
        } catch {
            throw TransportFailure.apiError(for: error, method: method)
        }
    }
}
