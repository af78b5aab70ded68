extension AsyncHTTPClientTransport {
    /// The `underlying` error of the `invalidResponse` `APIError` thrown when a
    /// response body is larger than ``Configuration/maximumResponseBodySize``.
    public struct ResponseBodyTooLarge: Error, Sendable, Equatable, CustomStringConvertible {
        /// The limit the body went past, in bytes.
        public let limit: Int

        /// Creates the error.
        public init(limit: Int) {
            self.limit = limit
        }

        /// `response body larger than <limit> bytes`.
        public var description: String { "response body larger than \(limit) bytes" }
    }
}
