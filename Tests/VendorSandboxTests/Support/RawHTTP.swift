import AuthCore
import Foundation
import HTTPTypes

/// Requests sent by hand (no client pipeline), for checking the sandbox's own answers.
enum RawHTTP {
    /// The answer to one request: status, header fields and body.
    struct Answer {
        let status: Int
        let headers: HTTPFields
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends `method url` with `headers` and `body` through the shared URLSession transport.
    static func send(
        _ method: HTTPRequest.Method, _ url: URL, headers: HTTPFields = [:], body: Data? = nil,
        timeout: Duration = .seconds(5)
    ) async throws -> Answer {
        var request = HTTPRequest(method: method, scheme: url.scheme, authority: authority(url), path: target(url))
        request.headerFields = headers
        let response = try await URLSessionTransport.shared.send(
            request, body: body.map { APIRequestBody(data: $0) }, timeout: timeout)
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    private static func authority(_ url: URL) -> String {
        (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")
    }

    private static func target(_ url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? "/"
        return (path.isEmpty ? "/" : path) + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
    }
}
