import AsyncHTTPClient
import NIOCore

extension AsyncHTTPClientTransport {
    /// Limits of an ``AsyncHTTPClientTransport``.
    public struct Configuration: Sendable {
        /// The whole-attempt time limit used when a call does not give one. Default 60 s.
        public var defaultTimeout: Duration
        /// The largest request body read from a stream. Default 64 MiB.
        public var maximumRequestBodySize: Int
        /// The largest response body accepted; a larger one fails with an `invalidResponse`
        /// error (``ResponseBodyTooLarge`` underneath) instead of being buffered. Default 64 MiB.
        public var maximumResponseBodySize: Int
        /// How many redirects in a row are followed before the call fails (the next one fails
        /// as a `transport` error with `URLError.httpTooManyRedirects`). Default 20, as URLSession.
        public var maximumRedirects: Int

        /// Creates a configuration.
        public init(
            defaultTimeout: Duration = .seconds(60),
            maximumRequestBodySize: Int = 64 * 1024 * 1024,
            maximumResponseBodySize: Int = 64 * 1024 * 1024,
            maximumRedirects: Int = 20
        ) {
            self.defaultTimeout = defaultTimeout
            self.maximumRequestBodySize = maximumRequestBodySize
            self.maximumResponseBodySize = maximumResponseBodySize
            self.maximumRedirects = maximumRedirects
        }

        /// `base` with the settings the transport's rules rely on: redirects not followed by
        /// AsyncHTTPClient (the transport follows them), a refused connection reported at once
        /// rather than retried until the connect timeout, no body decompression (so the size
        /// limit counts the bytes received), and, unless `base` sets one, a connect timeout of
        /// ``defaultTimeout``.
        ///
        /// Use it to build an `HTTPClient` of your own (for example with your own TLS settings)
        /// for ``AsyncHTTPClientTransport/init(client:configuration:)``.
        public func clientConfiguration(
            startingFrom base: HTTPClient.Configuration = HTTPClient.Configuration()
        ) -> HTTPClient.Configuration {
            var configuration = base
            configuration.redirectConfiguration = .disallow
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.decompression = .disabled
            if configuration.timeout.connect == nil {
                configuration.timeout.connect = .nanoseconds(Self.clampedNanoseconds(defaultTimeout))
            }
            return configuration
        }

        /// `duration` in nanoseconds, at least 1 and at most `Int64.max` (about 292 years), so no
        /// duration a caller gives can overflow.
        static func clampedNanoseconds(_ duration: Duration) -> Int64 {
            let (seconds, attoseconds) = duration.components
            guard seconds < 9_000_000_000 else { return .max }
            guard seconds >= 0, attoseconds >= 0 else { return 1 }
            return max(1, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }
}
