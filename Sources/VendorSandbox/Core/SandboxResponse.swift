import Foundation
import HTTPTypes

/// What a vendor route answers, before faults shape how it is delivered.
struct SandboxResponse: Sendable {
    /// The status.
    var status: Int
    /// The header fields (`Content-Length` is added when the body is written).
    var headers: HTTPFields
    /// The body.
    var body: Data

    /// A JSON body (`application/json; charset=utf-8` unless told otherwise).
    static func json(
        _ json: SandboxJSON, status: Int = 200, contentType: String = "application/json; charset=utf-8"
    ) -> SandboxResponse {
        SandboxResponse(status: status, headers: [.contentType: contentType], body: json.data)
    }

    /// A body of text with its content type.
    static func text(_ text: String, status: Int, contentType: String) -> SandboxResponse {
        SandboxResponse(status: status, headers: [.contentType: contentType], body: Data(text.utf8))
    }

    /// No body at all.
    static func empty(status: Int) -> SandboxResponse {
        SandboxResponse(status: status, headers: [:], body: Data())
    }

    /// The content type.
    var contentType: String? { headers[.contentType] }

    /// This response with `value` added to the field `name` (kept beside existing ones).
    func adding(_ name: HTTPField.Name, _ value: String) -> SandboxResponse {
        var copy = self
        copy.headers.append(HTTPField(name: name, value: value))
        return copy
    }
}
