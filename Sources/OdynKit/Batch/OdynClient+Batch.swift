import AuthCore
import Foundation
import HTTPTypes

extension OdynClient {
    /// The most operations Business Central accepts in one `$batch`.
    public static let batchLimit = 100

    /// Sends operations as JSON `$batch` requests (`POST {baseURL}$batch`), 100 per request, and
    /// returns one result per operation, in the order given, matched by id.
    ///
    /// With `transactional`, the request carries `Isolation: snapshot`, so Business Central rolls the
    /// whole batch back when one operation fails. A transaction cannot span requests, so more than
    /// 100 operations are refused when `transactional` is set. An inner failure (for example a 400)
    /// does not throw: it shows as ``ODataBatchResult/error``. The batch POST itself is not retried.
    ///
    /// - Throws: ``OdynError``: ``OdynError/Kind/invalidRequest(reason:)`` for duplicate ids or a transaction
    ///   over 100 operations; ``OdynError/Kind/invalidODataResponse(reason:)`` when an answer is missing.
    public func batch(
        _ operations: [ODataBatchOperation],
        transactional: Bool = false,
        path: String = "$batch",
        headers: HTTPFields = [:]
    ) async throws -> [ODataBatchResult] {
        guard !operations.isEmpty else { return [] }
        if transactional, operations.count > OdynClient.batchLimit {
            throw OdynError(
                .invalidRequest(
                    reason:
                        "a transactional batch holds at most \(OdynClient.batchLimit) operations, got \(operations.count)"
                ))
        }
        var numbered = operations
        for index in numbered.indices where numbered[index].id == nil { numbered[index].id = String(index + 1) }
        let ids = numbered.compactMap(\.id)
        guard Set(ids).count == ids.count else {
            throw OdynError(.invalidRequest(reason: "batch operation ids must be unique"))
        }
        let endpoint = try OdynClient.checkedEndpoint(path)
        var fields = headers
        if transactional { fields[ODataHeaders.isolation] = "snapshot" }
        var results: [ODataBatchResult] = []
        results.reserveCapacity(numbered.count)
        var start = 0
        while start < numbered.count {
            let chunk = Array(numbered[start..<min(start + OdynClient.batchLimit, numbered.count)])
            results += try await sendBatch(chunk, path: endpoint, headers: fields)
            start += OdynClient.batchLimit
        }
        return results
    }

    private func sendBatch(_ chunk: [ODataBatchOperation], path: String, headers: HTTPFields) async throws
        -> [ODataBatchResult]
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try OdynClient.encodeBody(BatchRequestBody(requests: chunk), encoder: encoder)
        logger?.debug("sending odata batch", metadata: ["operations": "\(chunk.count)"])
        let response = try await sendRaw(.post, path, headers: headers, body: body)
        let decoded = try ODataResponseDecoder.decode(BatchResponseBody.self, from: response, decoder: JSONDecoder())
        let scrubber = response.scrubber.adding(headerValues: Self.sensitiveHeaderValues(of: chunk, redactor: redactor))
        var byID: [String: BatchResponseItem] = [:]
        for item in decoded.responses { byID[item.id] = item }
        return try chunk.map { operation in
            let id = operation.id ?? ""
            guard let item = byID[id] else {
                throw OdynError(.invalidODataResponse(reason: "the batch response has no answer for operation \(id)"))
            }
            // The inner answers arrive inside a 200, so the pipeline never scrubbed them as errors:
            // a failed operation's body (its error message) loses the credentials the batch sent.
            let failed = !(200..<300).contains(item.status)
            return ODataBatchResult(
                id: id, operation: operation, status: item.status,
                headers: (item.headers ?? [:]).mapValues(scrubber.clean),
                body: failed ? item.body.map(scrubber.clean) : item.body
            )
        }
    }

    /// Values of credential headers set on the operations themselves.
    private static func sensitiveHeaderValues(of operations: [ODataBatchOperation], redactor: Redactor) -> [String] {
        operations.flatMap { operation in
            (operation.headers ?? [:]).compactMap { name, value in
                HTTPField.Name(name).flatMap { redactor.isSensitiveHeader($0) ? value : nil }
            }
        }
    }
}

/// The wire shape of a `$batch` request.
struct BatchRequestBody: Encodable {
    let requests: [ODataBatchOperation]

    enum CodingKeys: String, CodingKey {
        case requests
    }
}

/// The wire shape of a `$batch` response.
struct BatchResponseBody: Decodable {
    let responses: [BatchResponseItem]

    enum CodingKeys: String, CodingKey {
        case responses
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            throw ODataResponseDecoder.ShapeError(reason: "the batch response is not a JSON object")
        }
        guard let responses = try? container.decode([BatchResponseItem].self, forKey: .responses) else {
            throw ODataResponseDecoder.ShapeError(reason: "the batch response has no valid 'responses' list")
        }
        self.responses = responses
    }
}

/// One answer inside a `$batch` response.
struct BatchResponseItem: Decodable {
    let id: String
    let status: Int
    let headers: [String: String]?
    let body: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id
        case status
        case headers
        case body
    }
}
