import AuthCore
import Foundation

/// What one exchange gave: the decoded answer, or an error the `…Result` form of a call returns
/// instead of throwing.
typealias FlowerhubOutcome<Value: Sendable> = Result<FlowerhubReply<Value>, FlowerhubFailure>

/// An error a call may return instead of throwing — an HTTP error status (a 429 included), a
/// successful status whose body is not JSON, or a body of the wrong shape — with the answer it
/// came with, for ``FlowerhubResult``.
struct FlowerhubFailure: Error {
    /// An ``APIError``, or a ``FlowerhubError`` of code ``FlowerhubError/Code/invalidResponse``.
    let error: any Error
    /// The HTTP status of the answer.
    let status: Int
    /// The redacted URL.
    let url: String?
    /// The body as JSON, when the endpoint's decoding already read it.
    let json: JSONValue?
    /// The body (secrets the request sent removed), when AuthCore kept it.
    let body: Data?
}
