import AuthCore
import Foundation

/// A successful answer as an endpoint's decoding leaves it: the typed value, and the parts of
/// the response the error-returning call form reports beside it (status, URL, body, its JSON).
///
/// The body is parsed once, in the decoding; the JSON read there is kept here rather than read again.
struct FlowerhubReply<Value: Sendable>: Sendable {
    /// The HTTP status.
    let status: Int
    /// The URL the answer came from (not yet redacted).
    let url: URL
    /// The body, with the secrets the endpoint named removed.
    let body: Data
    /// The body as JSON; `nil` when it is not JSON.
    let json: JSONValue?
    /// The typed value.
    let value: Value
}
