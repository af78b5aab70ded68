import AuthCore
import Foundation
import HTTPTypes

/// Moves a form-encoded token request's parameters into the URL's query string, for U-Tec
/// setups that expect them there (``UtecOAuth/TokenParameterPlacement/query``).
struct UtecQueryParameterTransport: HTTPTransport {
    let base: any HTTPTransport

    func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        guard let body, body.contentType?.hasPrefix("application/x-www-form-urlencoded") == true,
            let data = body.replayableData
        else { return try await base.send(request, body: body, timeout: timeout) }
        var moved = request
        let form = String(decoding: data, as: UTF8.self)
        if let path = moved.path, !form.isEmpty {
            moved.path = path + (path.contains("?") ? "&" : "?") + form
        }
        moved.headerFields[.contentType] = nil
        return try await base.send(moved, body: nil, timeout: timeout)
    }
}
