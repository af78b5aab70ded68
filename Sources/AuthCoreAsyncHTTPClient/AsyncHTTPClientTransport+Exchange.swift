import AsyncHTTPClient
import AuthCore
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension AsyncHTTPClientTransport {
    /// One attempt: the request, the redirects it leads to, and the final response's whole body.
    func exchange(_ request: HTTPRequest, url: URL, body: APIRequestBody?, limit: Duration) async throws
        -> (HTTPResponse, Data)
    {
        var hop = RedirectHop(
            method: HTTPMethod(rawValue: request.method.rawValue),
            url: url,
            headers: Self.headers(of: request, contentType: body?.contentType),
            body: try await body?.collect(upTo: configuration.maximumRequestBodySize)
        )
        // A backstop only, a second after the exact limit the caller enforces around this call.
        let deadline = NIODeadline.now() + .nanoseconds(Configuration.clampedNanoseconds(limit + .seconds(1)))
        var redirects = 0
        while true {
            let response = try await client.execute(hop.clientRequest, deadline: deadline)
            let status = Int(response.status.code)
            guard
                let next = hop.following(
                    status: status, location: response.headers.first(name: "location"), origin: url)
            else {
                let head = try Self.head(of: response)
                let declared =
                    Self.declaresBody(method: hop.method, status: status) ? head.headerFields[.contentLength] : nil
                return (head, try await collect(response.body, declaredLength: declared))
            }
            guard redirects < max(0, configuration.maximumRedirects) else { throw URLError(.httpTooManyRedirects) }
            redirects += 1
            await Self.discard(response.body)
            hop = next
        }
    }

    /// The whole body, refused with ``ResponseBodyTooLarge`` as soon as it is known to exceed the limit.
    private func collect(_ body: HTTPClientResponse.Body, declaredLength: String?) async throws -> Data {
        let limit = max(0, configuration.maximumResponseBodySize)
        var data = Data()
        if let declared = declaredLength.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            guard declared <= limit else { throw ResponseBodyTooLarge(limit: limit) }
            // The declared size is the server's word: reserve up to a few MiB of it, not all.
            data.reserveCapacity(min(max(0, declared), 4 * 1024 * 1024))
        }
        for try await chunk in body {
            guard chunk.readableBytes <= limit - data.count else { throw ResponseBodyTooLarge(limit: limit) }
            chunk.withUnsafeReadableBytes { data.append(contentsOf: $0) }
        }
        // A body stream ends early, without an error, when the task is cancelled.
        try Task.checkCancellation()
        return data
    }

    /// Reads and drops a redirect's body (a little of it), so the connection can serve the next hop.
    private static func discard(_ body: HTTPClientResponse.Body) async {
        var drained = 0
        do {
            for try await chunk in body {
                drained += chunk.readableBytes
                if drained > 64 * 1024 { return }
            }
        } catch {
            // The next hop reports any real failure: it needs a connection of its own anyway.
        }
    }

    /// Whether a `Content-Length` of the response describes a body that will follow.
    private static func declaresBody(method: HTTPMethod, status: Int) -> Bool {
        method != .HEAD && status != 204 && status != 304 && status >= 200
    }

    /// The request's fields for AsyncHTTPClient, without the framing fields it sets itself.
    ///
    /// `HTTPFields` keeps each cookie as its own `Cookie` field (the HTTP/2 form); HTTP/1.1 needs
    /// them in one field, joined with `; `.
    static func headers(of request: HTTPRequest, contentType: String?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let handledApart: Set<HTTPField.Name> = [.contentLength, .transferEncoding, .cookie]
        for field in request.headerFields where !handledApart.contains(field.name) {
            headers.add(name: field.name.rawName, value: field.value)
        }
        if let cookies = request.headerFields[.cookie] { headers.add(name: "Cookie", value: cookies) }
        if request.headerFields[.contentType] == nil, let contentType {
            headers.add(name: "Content-Type", value: contentType)
        }
        return headers
    }

    /// The response head with every field line kept as its own field (each `Set-Cookie` apart).
    static func head(of response: HTTPClientResponse) throws -> HTTPResponse {
        let code = Int(response.status.code)
        guard (0...999).contains(code) else { throw URLError(.badServerResponse) }
        var fields = HTTPFields()
        for (name, value) in response.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return HTTPResponse(status: .init(code: code, reasonPhrase: response.status.reasonPhrase), headerFields: fields)
    }
}
