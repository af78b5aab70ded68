// Re-exported so that one import gives callers the types this kit's API speaks in:
// Secret, APIError, RequestOptions, TimeSource, HTTPTransport and the auth strategies.
@_exported import AuthCore
