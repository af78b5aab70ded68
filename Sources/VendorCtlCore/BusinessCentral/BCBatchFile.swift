import AuthCore
import Foundation
import OdynKit

/// A `$batch` file: Business Central's own `{"requests": [...]}` body, or just the array.
enum BCBatchFile {
    private struct Envelope: Decodable {
        var requests: [ODataBatchOperation]
    }

    static func operations(from data: Data, source: String) throws -> [ODataBatchOperation] {
        let decoder = JSONDecoder()
        let operations: [ODataBatchOperation]
        if let envelope = try? decoder.decode(Envelope.self, from: data) {
            operations = envelope.requests
        } else if let list = try? decoder.decode([ODataBatchOperation].self, from: data) {
            operations = list
        } else {
            throw CommandFailure.usage(
                "\(source) is not a batch: expected {\"requests\": [{\"method\", \"url\", …}]} or that array")
        }
        guard !operations.isEmpty else { throw CommandFailure.usage("\(source) holds no operations") }
        for operation in operations where operation.method.isEmpty || operation.url.isEmpty {
            throw CommandFailure.usage("\(source): every operation needs a method and a url")
        }
        return operations
    }

    /// One result as `--json` prints it.
    struct Result: Encodable {
        struct Failure: Encodable {
            var kind: String
            var code: String?
            var message: String
        }

        var id: String
        var method: String
        var url: String
        var status: Int
        var body: JSONValue?
        var error: Failure?

        init(_ result: ODataBatchResult) {
            id = result.id
            method = result.operation.method
            url = result.operation.url
            status = result.status
            body = result.body
            error = result.error.map { error in
                Failure(
                    kind: error.kind.description, code: error.vendorCode,
                    message: error.vendorMessage ?? error.message)
            }
        }
    }

    static func table(_ results: [Result]) -> String {
        var table = TextTable([.init("ID"), .init("METHOD"), .init("URL"), .init("STATUS", .right), .init("RESULT")])
        for result in results {
            let outcome = result.error.map { [$0.code, $0.message].compactMap { $0 }.joined(separator: ": ") } ?? "ok"
            table.append([result.id, result.method, result.url, String(result.status), outcome])
        }
        return table.rendered
    }
}
