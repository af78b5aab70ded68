import Foundation
import HTTPTypes

/// Sends one HTTP request and returns the complete response. The seam every client stands on.
///
/// A transport does exactly one thing: put a request on the wire and bring back the response.
/// It does not retry, authenticate, log or map status codes to errors; the middlewares of an
/// ``APIClient`` do that. AuthCore ships ``URLSessionTransport``; the optional
/// `AuthCoreAsyncHTTPClient` target adds one over AsyncHTTPClient; tests use a scripted one.
///
/// Implementations must:
/// - return every status (including 4xx and 5xx) as a ``RawResponse`` rather than throwing;
/// - throw ``APIError`` of kind `transport`, `timeout` or `cancelled` when no response arrives,
///   with the platform error as `underlying` (or throw the platform error itself), and leave the
///   URL out: the client adds it, redacted with its own redactor, so a transport never decides
///   what of a URL may be shown;
/// - treat `timeout` as a limit on the whole attempt (connect, send, receive), not an idle timer.
public protocol HTTPTransport: Sendable {
    /// Sends `request` with `body` and returns the whole response.
    ///
    /// - Parameters:
    ///   - request: The request head; its scheme, authority and path form the URL.
    ///   - body: The body to send, if any.
    ///   - timeout: The most time the attempt may take; `nil` means the transport's default.
    func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse
}
