import Foundation
import HTTPTypes

/// A complete HTTP response before decoding: status and headers, the whole body, and the URL it answered.
public struct RawResponse: Sendable {
    /// Status and header fields.
    public var head: HTTPResponse
    /// The complete body.
    public var body: Data
    /// The URL of the request this response answers.
    public var url: URL
    /// The request as it left the pipeline (credentials and cookies applied), so errors built
    /// from this response can remove the secrets it carried. Set by ``APIClient``; never printed.
    var sentRequest: HTTPRequest?
    /// The body sent with ``sentRequest``.
    var sentBody: APIRequestBody?

    /// Creates a response.
    public init(head: HTTPResponse, body: Data = Data(), url: URL) {
        self.head = head
        self.body = body
        self.url = url
    }

    /// The numeric status code.
    public var status: Int { head.status.code }

    /// The header fields.
    public var headers: HTTPFields { head.headerFields }

    /// The `Content-Type` header, if any.
    public var contentType: String? { head.headerFields[.contentType] }

    /// Whether the body looks like an HTML page rather than an API payload.
    public var looksLikeHTML: Bool {
        if contentType?.lowercased().contains("html") == true { return true }
        let prefix = String(decoding: body.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .lowercased()
        return prefix.hasPrefix("<!doctype html") || prefix.hasPrefix("<html")
    }
}
