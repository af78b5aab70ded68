import AuthCore
import AuthCoreAsyncHTTPClient
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// AsyncHTTPClient against the loopback server: the checks every transport of the project must
/// pass (URLSession's suite runs the same), then what only this transport has.
@Suite("AsyncHTTPClient transport over loopback", .serialized)
struct AsyncHTTPClientTransportTests {
    /// Never released, so its client is never shut down while another test may use it.
    static let transport = AsyncHTTPClientTransport(configuration: .init(defaultTimeout: .seconds(10)))

    @Test("conforms to the shared transport rules", arguments: TransportConformance.Check.allCases)
    func conformance(_ check: TransportConformance.Check) async {
        let problems = await TransportConformance.run(check, transport: Self.transport)
        #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
    }

    @Test(
        "the process-wide transport conforms too",
        arguments: [TransportConformance.Check.roundTrip, .refusedConnection])
    func sharedConformance(_ check: TransportConformance.Check) async {
        let problems = await TransportConformance.run(check, transport: AsyncHTTPClientTransport.shared)
        #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
    }

    @Test(
        "a response body past the limit is refused, whether its length is declared or not",
        arguments: [LoopbackResponse.Framing.contentLength, .untilClose])
    func oversizedResponse(_ framing: LoopbackResponse.Framing) async throws {
        let server = try LoopbackHTTPServer { request in
            let size = request.target == "/fits" ? 1024 : 1025
            return LoopbackResponse(status: 200, body: Data(repeating: 0x61, count: size), framing: framing)
        }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(
            configuration: .init(defaultTimeout: .seconds(10), maximumResponseBodySize: 1024))
        let fits = try await transport.send(
            HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:\(server.port)", path: "/fits"), body: nil,
            timeout: nil)
        #expect(fits.body.count == 1024)
        let error = await TestHelpers.apiError {
            try await transport.send(
                HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:\(server.port)", path: "/big"),
                body: nil, timeout: nil)
        }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.underlying as? AsyncHTTPClientTransport.ResponseBodyTooLarge == .init(limit: 1024))
        #expect(error?.isTransient == false)
        try await transport.shutdown()
    }

    @Test("a HEAD response may declare a length past the limit: no body follows it")
    func headDeclaresLargeBody() async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(status: 200, headers: [("Content-Length", "999999")], framing: .untilClose)
        }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(
            configuration: .init(defaultTimeout: .seconds(10), maximumResponseBodySize: 1024))
        let response = try await transport.send(
            HTTPRequest(method: .head, scheme: "http", authority: "127.0.0.1:\(server.port)", path: "/file"),
            body: nil, timeout: nil)
        #expect(response.status == 200)
        #expect(response.headers[.contentLength] == "999999")
        try await transport.shutdown()
    }

    @Test("a streamed request body past its limit is refused before anything is sent")
    func oversizedRequestStream() async throws {
        let server = try LoopbackHTTPServer { _ in LoopbackResponse(status: 200) }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(
            configuration: .init(defaultTimeout: .seconds(10), maximumRequestBodySize: 8))
        let stream = AsyncThrowingStream<Data, any Error> { continuation in
            continuation.yield(Data("0123456789".utf8))
            continuation.finish()
        }
        let error = await TestHelpers.apiError {
            try await transport.send(
                HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1:\(server.port)", path: "/upload"),
                body: APIRequestBody(stream: stream), timeout: nil)
        }
        #expect(error?.kind == .invalidConfiguration)
        #expect(server.requests.isEmpty)
        try await transport.shutdown()
    }

    @Test("a redirect limit of zero returns nothing but fails on the first redirect")
    func redirectLimitZero() async throws {
        let server = try LoopbackHTTPServer { request in
            request.target == "/start"
                ? LoopbackResponse(status: 302, headers: [("Location", "/landing")]) : LoopbackResponse(status: 200)
        }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(
            configuration: .init(defaultTimeout: .seconds(10), maximumRedirects: 0))
        let error = await TestHelpers.apiError {
            try await transport.send(
                HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:\(server.port)", path: "/start"),
                body: nil, timeout: nil)
        }
        #expect((error?.underlying as? URLError)?.code == .httpTooManyRedirects)
        #expect(server.requests.count == 1)
        try await transport.shutdown()
    }
}
