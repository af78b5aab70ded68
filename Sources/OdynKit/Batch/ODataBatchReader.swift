import AuthCore
import Foundation
import HTTPTypes

/// Reads a `$batch` answer: one result per operation, matched by id.
enum ODataBatchReader {
    /// The results of `operations`, in their order.
    ///
    /// The inner answers arrive inside a 200, so the pipeline never scrubbed them as errors: the
    /// headers and body of every failed operation lose the secrets the batch request sent (the
    /// client's credentials, and credential headers set on the operations themselves) before its
    /// error is built from them.
    ///
    /// - Throws: ``OdynError`` of code `invalidODataResponse` when an operation has no answer or the
    ///   body is not a batch response; ``APIError`` when it is not JSON.
    static func results(
        of operations: [ODataBatchOperation], from response: RawResponse, redactor: Redactor, now: Date
    ) throws -> [ODataBatchResult] {
        let decoded = try JSONResponse.decode(ODataBatchResponseBody.self, from: response)
        var byID: [String: ODataBatchResponseItem] = [:]
        for item in decoded.responses { byID[item.id] = item }
        var scrub: (@Sendable (String) -> String)?
        return try operations.map { operation in
            let id = operation.id ?? ""
            guard let item = byID[id] else {
                throw ODataPageReader.shape("the batch response has no answer for operation \(id)")
            }
            var headers = item.headers ?? [:]
            var body = item.body
            if !(200..<300).contains(item.status) {
                let clean =
                    scrub
                    ?? response.sentSecretScrubber(
                        redactor: redactor, also: credentialValues(of: operations, redactor: redactor))
                scrub = clean
                headers = headers.mapValues(clean)
                body = body.map { cleaned($0, with: clean) }
            }
            return ODataBatchResult(
                id: id, operation: operation, status: item.status, headers: headers, body: body, now: now)
        }
    }

    /// `json` with `clean` applied to every string and member name.
    private static func cleaned(_ json: JSONValue, with clean: (String) -> String) -> JSONValue {
        switch json {
        case .string(let text):
            return .string(clean(text))
        case .array(let elements):
            return .array(elements.map { cleaned($0, with: clean) })
        case .object(let members):
            var copy: [String: JSONValue] = [:]
            for (key, value) in members { copy[clean(key)] = cleaned(value, with: clean) }
            return .object(copy)
        default:
            return json
        }
    }

    /// The values of credential headers set on the operations themselves, whole and without their
    /// scheme (`Bearer <token>` and `<token>`).
    private static func credentialValues(of operations: [ODataBatchOperation], redactor: Redactor) -> [Secret] {
        var values: [Secret] = []
        for operation in operations {
            for (name, value) in operation.headers ?? [:] {
                guard let field = HTTPField.Name(name), redactor.isSensitiveHeader(field) else { continue }
                values.append(Secret(value))
                if let space = value.firstIndex(of: " ") {
                    values.append(Secret(String(value[value.index(after: space)...])))
                }
            }
        }
        return values
    }
}
