import AuthCore
import Foundation
import HTTPTypes
import Synchronization

/// An in-memory ``HTTPTransport``: answers each request with what `respond` returns, at once, and
/// counts the requests by path. For measuring the pipeline and the kits without sockets.
public final class ScriptedTransport: HTTPTransport {
    private let respond: @Sendable (HTTPRequest) -> (status: Int, body: Data)
    private let counts = Mutex<[String: Int]>([:])

    /// Creates a transport that answers with `respond(request)`.
    public init(_ respond: @escaping @Sendable (HTTPRequest) -> (status: Int, body: Data)) {
        self.respond = respond
    }

    /// How many requests went to `path` (without the query).
    public func requestCount(path: String) -> Int {
        counts.withLock { $0[path, default: 0] }
    }

    /// Answers at once.
    public func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        let path = request.path.map { String($0.prefix { $0 != "?" }) } ?? ""
        counts.withLock { $0[path, default: 0] += 1 }
        let answer = respond(request)
        var head = HTTPResponse(status: .init(code: answer.status))
        head.headerFields[.contentType] = "application/json"
        guard let url = request.url else { throw URLError(.badURL) }
        return RawResponse(head: head, body: answer.body, url: url)
    }
}

/// Business Central serving one large collection page by page from memory: every page holds the
/// same generated customers (generated once), and links to the next until `totalRecords` are sent.
/// Only the page being answered is ever built, so the source itself holds one page.
public final class GeneratedCustomerPages: HTTPTransport {
    /// The service root to give the client.
    public static let serviceRoot =
        "https://api.businesscentral.dynamics.com/v2.0/11111111-2222-3333-4444-555555555555/Production/api/v2.0/"
    /// The company whose customers are served.
    public static let company = "9c4f2e10-0000-4a1b-8c3d-00000000c0de"

    private let records: Data
    private let pageCount: Int
    private let recordsPerPage: Int

    /// A collection of `totalRecords` customers (a multiple of `recordsPerPage`) in pages of `recordsPerPage`.
    public init(totalRecords: Int, recordsPerPage: Int = CustomerPage.defaultRecordCount) {
        let page = CustomerPage.json(records: recordsPerPage)
        // Everything but the closing brace, so a next link can be appended per page.
        self.records = page.dropLast()
        self.recordsPerPage = recordsPerPage
        self.pageCount = max(1, totalRecords / recordsPerPage)
    }

    /// Page `n` for a request carrying `$skiptoken=n` (the first page without one).
    public func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        guard let url = request.url else { throw URLError(.badURL) }
        let token = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?
            .first { $0.name == "$skiptoken" }?.value
        let index = token.flatMap(Int.init) ?? 0
        var body = records
        if index + 1 < pageCount {
            var next = url.absoluteString.prefix { $0 != "?" }
            next += "?$skiptoken=\(index + 1)"
            body.append(contentsOf: Array(#","@odata.nextLink":""#.utf8) + Array(next.utf8) + [0x22])
        }
        body.append(0x7D)
        var head = HTTPResponse(status: .ok)
        head.headerFields[.contentType] = "application/json; odata.metadata=minimal"
        return RawResponse(head: head, body: body, url: url)
    }
}
