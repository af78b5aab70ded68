import AuthCore
import Foundation
import HTTPTypes

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
    /// The inner failure when the status is not 2xx: the same `APIError` a direct call would
    /// throw (kind from the status, ``BCServiceError`` as its `vendorError`, `Retry-After` read),
    /// without a URL (see ``operation``).
    ///
    /// Results returned by ``OdynClient/batch(_:transactional:path:headers:)`` have the secrets the
    /// batch request sent removed from a failed operation's headers and body, and so from this error.
    public let error: APIError?

    /// Creates a result; ``error`` is derived from the status, headers and body.
    public init(id: String, operation: ODataBatchOperation, status: Int, headers: [String: String], body: JSONValue?) {
        self.init(id: id, operation: operation, status: status, headers: headers, body: body, now: Date())
    }

    init(
        id: String, operation: ODataBatchOperation, status: Int, headers: [String: String], body: JSONValue?, now: Date
    ) {
        self.id = id
        self.operation = operation
        self.status = status
        self.headers = headers
        self.body = body
        self.error =
            (200..<300).contains(status)
            ? nil : ODataBatchResult.innerError(of: operation, status: status, headers: headers, body: body, now: now)
    }

    /// Whether the inner status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as `type`.
    ///
    /// - Throws: The inner ``error`` for a failed operation; ``OdynError`` of code
    ///   `invalidODataResponse` without a body, `decodingFailed` when it does not fit `type`.
    public func decode<Value: Decodable>(_ type: Value.Type, decoder: JSONDecoder = JSONDecoder()) throws -> Value {
        if let error { throw error }
        guard let body else { throw ODataPageReader.shape("operation \(id) has no body") }
        do {
            return try body.decode(Value.self, using: decoder)
        } catch let error as DecodingError {
            throw OdynError(.decodingFailed, "operation \(id): \(APIError.summary(of: error))")
        }
    }

    /// Equal when id, operation, status, headers and body are (the error follows from them).
    public static func == (lhs: ODataBatchResult, rhs: ODataBatchResult) -> Bool {
        lhs.id == rhs.id && lhs.operation == rhs.operation && lhs.status == rhs.status && lhs.headers == rhs.headers
            && lhs.body == rhs.body
    }

    /// The error of a failed inner answer, built the way the pipeline builds one for a direct call.
    private static func innerError(
        of operation: ODataBatchOperation, status: Int, headers: [String: String], body: JSONValue?, now: Date
    ) -> APIError {
        let data = body.flatMap { try? $0.jsonData() }
        let service =
            data.flatMap { BCServiceError.parse($0, status: status) }
            ?? BCServiceError(status: status, code: nil, message: nil)
        let redactor = Redactor.default
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            guard let field = HTTPField.Name(name), !redactor.isSensitiveHeader(field) else { continue }
            fields.append(HTTPField(name: field, value: value))
        }
        return APIError(
            kind: .forStatus(status),
            message: "batch operation \(operation.id ?? "-") failed with HTTP \(status)",
            status: status,
            vendorCode: service.code,
            vendorMessage: service.message.map { redactor.scrub(text: $0) },
            vendorError: service,
            method: operation.method,
            responseHeaders: fields,
            bodyExcerpt: data.flatMap { redactor.excerpt(of: $0, contentType: "application/json") },
            responseBody: data,
            retryAfter: RetryAfter.parse(fields[.retryAfter], now: now)
        )
    }
}
