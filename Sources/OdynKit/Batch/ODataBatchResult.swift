import AuthCore
import Foundation

/// The answer to one ``ODataBatchOperation``, matched to it by id.
public struct ODataBatchResult: Sendable, Equatable {
    /// The operation's id.
    public let id: String
    /// The operation as it was sent.
    public let operation: ODataBatchOperation
    /// The inner HTTP status.
    public let status: Int
    /// The inner response headers.
    public let headers: [String: String]
    /// The inner response body, if any.
    public let body: JSONValue?

    /// Creates a result.
    public init(id: String, operation: ODataBatchOperation, status: Int, headers: [String: String], body: JSONValue?) {
        self.id = id
        self.operation = operation
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the inner status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The inner error, when the status is not 2xx; its kind is the same as for a direct call
    /// (for example ``OdynError/Kind/http(status:code:message:correlationId:)`` for a 400).
    ///
    /// The code and message are bounded like the pipeline's (``APIError/maximumTextLength``); results
    /// returned by ``OdynClient/batch(_:transactional:path:headers:)`` have the credentials the batch
    /// request sent already removed from a failed operation's body.
    public var error: OdynError? {
        guard !isSuccess else { return nil }
        let service = body.flatMap(BCServiceError.parse)
        let correlation = service?.correlationId
        let code = service?.code.map { $0.bounded(to: APIError.maximumTextLength / 4) }
        let message = service?.message.map { $0.bounded() }
        if status == 401 {
            return OdynError(.unauthorized(code: code, message: message, correlationId: correlation))
        }
        if status == 409 || status == 412 || code == "Request_EntityChanged" {
            return OdynError(
                .concurrencyConflict(status: status, code: code, message: message, correlationId: correlation)
            )
        }
        return OdynError(.http(status: status, code: code, message: message, correlationId: correlation))
    }

    /// The body decoded as `type`.
    ///
    /// - Throws: ``OdynError``: the inner error for a failed operation, ``OdynError/Kind/invalidODataResponse(reason:)``
    ///   without a body, ``OdynError/Kind/decodingFailed(reason:)`` when it does not fit.
    public func decode<Value: Decodable>(_ type: Value.Type, decoder: JSONDecoder = JSONDecoder()) throws -> Value {
        if let error { throw error }
        guard let body else { throw OdynError(.invalidODataResponse(reason: "operation \(id) has no body")) }
        do {
            return try body.decode(Value.self, using: decoder)
        } catch let error as DecodingError {
            throw OdynError(.decodingFailed(reason: APIError.summary(of: error)))
        }
    }
}
