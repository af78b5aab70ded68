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
    /// - Throws: ``OdynError`` of code `invalidRequest` for duplicate ids or a transaction over 100
    ///   operations, `invalidODataResponse` when an answer is missing; `APIError` when the batch
    ///   request itself fails.
    public func batch(
        _ operations: [ODataBatchOperation],
        transactional: Bool = false,
        path: String = "$batch",
        headers: HTTPFields = [:]
    ) async throws -> [ODataBatchResult] {
        guard !operations.isEmpty else { return [] }
        if transactional, operations.count > OdynClient.batchLimit {
            throw OdynError(
                .invalidRequest,
                "a transactional batch holds at most \(OdynClient.batchLimit) operations, got \(operations.count)")
        }
        var numbered = operations
        for index in numbered.indices where numbered[index].id == nil { numbered[index].id = String(index + 1) }
        let ids = numbered.compactMap(\.id)
        guard Set(ids).count == ids.count else {
            throw OdynError(.invalidRequest, "batch operation ids must be unique")
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
        logger?.debug("sending odata batch", metadata: ["operations": "\(chunk.count)"])
        let endpoint = try OdynEndpoints.batch(
            path: path, operations: chunk, headers: headers, redactor: redactor,
            timeSource: configuration.timeSource)
        return try await send(endpoint)
    }
}
