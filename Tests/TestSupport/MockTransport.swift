import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import VendorFixtures

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A request as the scripted transport received it.
public struct RecordedRequest: Sendable {
    /// The method.
    public var method: HTTPRequest.Method
    /// The full URL.
    public var url: URL
    /// The header fields.
    public var headers: HTTPFields
    /// The collected body, if any.
    public var body: Data?
    /// The per-attempt timeout the pipeline passed down.
    public var timeout: Duration?

    /// The URL path.
    public var path: String { url.path }
    /// The body as UTF-8 text.
    public var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
    /// The form-encoded body as a dictionary (last value wins).
    public var formFields: [String: String] {
        Dictionary(FormEncoding.decode(bodyText ?? ""), uniquingKeysWith: { _, last in last })
    }
    /// The body parsed as JSON.
    public var jsonBody: JSONValue? { body.flatMap { try? JSONValue(jsonData: $0) } }
}

/// What the scripted transport answers.
public struct MockResponse: Sendable {
    /// The outcome.
    public enum Outcome: Sendable {
        /// An HTTP response.
        case response(status: Int, headers: HTTPFields, body: Data)
        /// A network failure.
        case failure(URLError.Code)
        /// Never answers until the task is cancelled.
        case hang
    }

    /// The outcome.
    public var outcome: Outcome

    /// A response with a body.
    public static func status(_ status: Int, body: Data = Data(), headers: HTTPFields = [:]) -> MockResponse {
        MockResponse(outcome: .response(status: status, headers: headers, body: body))
    }

    /// A JSON response from text.
    public static func json(_ status: Int = 200, _ text: String, headers: HTTPFields = [:]) -> MockResponse {
        var fields = headers
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return .status(status, body: Data(text.utf8), headers: fields)
    }

    /// A JSON response from a fixture file (`"vendor/name.json"`).
    public static func fixture(_ status: Int = 200, _ path: String, headers: HTTPFields = [:]) -> MockResponse {
        var fields = headers
        if fields[.contentType] == nil {
            fields[.contentType] = path.hasSuffix(".html") ? "text/html; charset=utf-8" : "application/json"
        }
        let body = (try? Fixture.data(path)) ?? Data("missing fixture \(path)".utf8)
        return .status(status, body: body, headers: fields)
    }

    /// A network failure.
    public static func failure(_ code: URLError.Code) -> MockResponse {
        MockResponse(outcome: .failure(code))
    }

    /// A request that never completes.
    public static var hang: MockResponse { MockResponse(outcome: .hang) }
}

/// The unit-test transport: answers from a script and records every request.
///
/// Responses are queued per route (method and path prefix); the first queued response whose
/// route matches is used once. A request with no scripted answer fails the call with a
/// transport error naming the request, so a test never passes on an unexpected call.
public final class MockTransport: HTTPTransport {
    private struct Route: Sendable {
        var method: HTTPRequest.Method?
        var pathPrefix: String?
        var response: MockResponse
    }

    private struct State: Sendable {
        var routes: [Route] = []
        var requests: [RecordedRequest] = []
        var inFlight = 0
        var peakInFlight = 0
    }

    private let state = Mutex(State())
    private let handler: (@Sendable (RecordedRequest) async throws -> MockResponse)?
    private let yieldsWhileInFlight: Int

    /// A transport answering from queued responses.
    ///
    /// - Parameter yieldsWhileInFlight: How many times each request yields before answering, so
    ///   concurrent requests overlap and in-flight peaks can be measured.
    public init(yieldsWhileInFlight: Int = 0) {
        self.handler = nil
        self.yieldsWhileInFlight = yieldsWhileInFlight
    }

    /// A transport answering through a function (for responses that depend on the request).
    public init(
        yieldsWhileInFlight: Int = 0, handler: @escaping @Sendable (RecordedRequest) async throws -> MockResponse
    ) {
        self.handler = handler
        self.yieldsWhileInFlight = yieldsWhileInFlight
    }

    /// Queues a response for requests matching `method` and `pathPrefix` (any when `nil`).
    public func enqueue(_ response: MockResponse, method: HTTPRequest.Method? = nil, path pathPrefix: String? = nil) {
        state.withLock { $0.routes.append(Route(method: method, pathPrefix: pathPrefix, response: response)) }
    }

    /// Every request received, in order.
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// The requests whose path starts with `prefix`.
    public func requests(to prefix: String) -> [RecordedRequest] {
        requests.filter { $0.path.hasPrefix(prefix) }
    }

    /// The most requests that were in flight at the same time.
    public var peakInFlight: Int { state.withLock { $0.peakInFlight } }

    /// How many scripted responses are still unused.
    public var pendingResponses: Int { state.withLock { $0.routes.count } }

    /// Records the request and answers from the script.
    public func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        guard let url = request.url else {
            throw APIError(kind: .invalidConfiguration, message: "mock: request without URL")
        }
        let data = try await body?.collect()
        let recorded = RecordedRequest(
            method: request.method, url: url, headers: request.headerFields, body: data, timeout: timeout)
        state.withLock { state in
            state.requests.append(recorded)
            state.inFlight += 1
            state.peakInFlight = max(state.peakInFlight, state.inFlight)
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        for _ in 0..<yieldsWhileInFlight { await Task.yield() }
        let response: MockResponse
        if let handler {
            response = try await handler(recorded)
        } else {
            let next = state.withLock { state -> MockResponse? in
                guard
                    let index = state.routes.firstIndex(where: { route in
                        (route.method == nil || route.method == request.method)
                            && (route.pathPrefix.map { url.path.hasPrefix($0) } ?? true)
                    })
                else { return nil }
                return state.routes.remove(at: index).response
            }
            guard let next else {
                throw APIError(
                    kind: .transport, message: "mock: no scripted response for \(request.method.rawValue) \(url.path)")
            }
            response = next
        }
        switch response.outcome {
        case .response(let status, let headers, let body):
            return RawResponse(
                head: HTTPResponse(status: .init(code: status), headerFields: headers), body: body, url: url)
        case .failure(let code):
            throw APIError.fromTransportFailure(URLError(code), method: request.method.rawValue, url: nil)
        case .hang:
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            throw APIError(kind: .cancelled, message: "mock: cancelled while hanging")
        }
    }
}
