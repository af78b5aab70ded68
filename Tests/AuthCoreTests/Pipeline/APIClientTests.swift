import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@Suite("API client")
struct APIClientTests {
    @Test("plain http is refused except for loopback hosts")
    func transportSecurity() throws {
        let transport = MockTransport()
        for refused in ["http://api.example.test", "ftp://api.example.test", "http://10.0.0.1"] {
            let error = #expect(throws: APIError.self) {
                try APIClient(configuration: .init(baseURL: URL(string: refused)!), transport: transport)
            }
            #expect(error?.kind == .invalidConfiguration)
        }
        for allowed in ["https://api.example.test", "http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80"] {
            _ = try APIClient(configuration: .init(baseURL: URL(string: allowed)!), transport: transport)
        }
    }

    @Test("an absolute http endpoint is refused before any request")
    func absoluteInsecureEndpoint() async throws {
        let transport = MockTransport()
        let client = try TestHelpers.client(transport: transport)
        let error = await TestHelpers.apiError {
            try await client.send(Endpoint<JSONValue>.json(.get, "http://elsewhere.test/x"))
        }
        #expect(error?.kind == .invalidConfiguration)
        #expect(transport.requests.isEmpty)
    }

    @Test("paths join the base with one slash; queries are encoded strictly and merged with an existing query")
    func urlBuilding() async throws {
        let transport = MockTransport { _ in .json(200, "{}") }
        let client = try TestHelpers.client(baseURL: "https://api.example.test/v2.0/", transport: transport)
        _ = try await client.send(
            Endpoint<JSONValue>.json(
                .get, "/items",
                query: [
                    URLQueryItem(name: "$top", value: "5"),
                    URLQueryItem(name: "$filter", value: "displayName eq 'A&B' and x+y=1"),
                ]))
        _ = try await client.send(
            Endpoint<JSONValue>.json(
                .get, "companies(1)/items?$top=5", query: [URLQueryItem(name: "$skip", value: "5")]))
        _ = try await client.send(Endpoint<JSONValue>.json(.get, "https://api.example.test/next?$skiptoken=abc"))
        #expect(
            transport.requests.map(\.url.absoluteString) == [
                "https://api.example.test/v2.0/items?$top=5&$filter=displayName%20eq%20'A%26B'%20and%20x%2By%3D1",
                "https://api.example.test/v2.0/companies(1)/items?$top=5&$skip=5",
                "https://api.example.test/next?$skiptoken=abc",
            ])
    }

    @Test("a streamed body larger than the transport's limit is refused before sending")
    func oversizedStreamBody() async throws {
        let stream = AsyncThrowingStream<Data, any Error> { continuation in
            continuation.yield(Data(repeating: 0x61, count: 600))
            continuation.yield(Data(repeating: 0x62, count: 600))
            continuation.finish()
        }
        let error = await #expect(throws: APIError.self) {
            try await APIRequestBody(stream: stream).collect(upTo: 1000)
        }
        #expect(error?.kind == .invalidConfiguration)
        #expect(error?.message.contains("1000 bytes") == true)
        #expect(try await APIRequestBody(data: Data("ok".utf8)).collect(upTo: 1) == Data("ok".utf8))
    }

    @Test("an empty path is the base URL exactly as configured")
    func emptyPath() async throws {
        let transport = MockTransport { _ in .json(200, "{}") }
        let client = try TestHelpers.client(baseURL: "https://api.example.test/v2.0/", transport: transport)
        _ = try await client.send(Endpoint<JSONValue>.json(.get, ""))
        #expect(transport.requests.first?.url.absoluteString == "https://api.example.test/v2.0/")
    }

    @Test("errors thrown while decoding carry the request's URL and the response's status")
    func decodeErrorContext() async throws {
        let transport = MockTransport { _ in .json(202, #"{"unexpected": true}"#) }
        let client = try TestHelpers.client(transport: transport)
        let endpoint = Endpoint<Int>(method: .get, path: "/count") { _ in
            throw APIError(kind: .invalidResponse, message: "no count in the body")
        }
        let error = await TestHelpers.apiError { try await client.send(endpoint) }
        #expect(error?.url == "https://api.example.test/count")
        #expect(error?.status == 202)
        #expect(error?.method == "GET")
    }

    @Test("URL encoding keeps OData punctuation readable and escapes what could end a part")
    func urlEncoding() {
        #expect(
            URLEncoding.queryComponent("name eq 'O''Brien & Co' and a+b=c#d")
                == "name%20eq%20'O''Brien%20%26%20Co'%20and%20a%2Bb%3Dc%23d")
        #expect(
            URLEncoding.query([URLQueryItem(name: "$top", value: "5"), URLQueryItem(name: "$count", value: nil)])
                == "$top=5&$count")
        #expect(URLEncoding.pathSegment("CRONUS USA, Inc./x?y") == "CRONUS%20USA,%20Inc.%2Fx%3Fy")
        #expect(URLEncoding.path("Company('A B')/Customers%2F1") == "Company('A%20B')/Customers%2F1")
    }

    @Test("headers: client defaults, then the endpoint's, then the call's, each replacing the last")
    func headerLayering() async throws {
        let transport = MockTransport { _ in .json(200, "{}") }
        let client = try TestHelpers.client(transport: transport) {
            $0.defaultHeaders = [
                .userAgent: "VendorSDKs-Test", HTTPField.Name("Origin")!: "https://portal.example.test",
            ]
        }
        _ = try await client.send(
            Endpoint<JSONValue>.json(.post, "/x", headers: [.userAgent: "endpoint"], body: try .json(["a": 1])),
            options: RequestOptions(headers: [HTTPField.Name("X-Request-Id")!: "r1"])
        )
        let request = try #require(transport.requests.first)
        #expect(request.headers[.userAgent] == "endpoint")
        #expect(request.headers[HTTPField.Name("Origin")!] == "https://portal.example.test")
        #expect(request.headers[HTTPField.Name("X-Request-Id")!] == "r1")
        #expect(request.headers[.contentType] == "application/json")
        #expect(request.headers[.accept] == "application/json")
        #expect(request.jsonBody?["a"]?.intValue == 1)
    }

    @Test("custom middlewares see every call")
    func customMiddleware() async throws {
        struct Stamp: APIMiddleware {
            func intercept(
                _ request: HTTPRequest, body: APIRequestBody?, context: APICallContext, next: @escaping NextHandler
            ) async throws -> RawResponse {
                var request = request
                request.headerFields[HTTPField.Name("X-Stamp")!] = context.operation
                return try await next(request, body, context)
            }
        }
        let transport = MockTransport { _ in .json(200, "{}") }
        let client = try TestHelpers.client(transport: transport) { $0.middlewares = [Stamp()] }
        _ = try await client.send(Endpoint<JSONValue>.json(.get, "/stamped"))
        #expect(transport.requests.first?.headers[HTTPField.Name("X-Stamp")!] == "GET /stamped")
    }

    @Test("logging is off unless a logger is given, and at debug it records status without secrets")
    func logging() async throws {
        let transport = MockTransport { _ in .json(200, "{}") }
        let capture = LogCapture()
        let silent = try TestHelpers.client(transport: transport) {
            $0.authenticator = StaticCredentials.bearer("tok-secret-1")
        }
        _ = try await silent.send(Endpoint<JSONValue>.json(.get, "/x"))
        #expect(capture.count == 0)
        _ = try await silent.send(
            Endpoint<JSONValue>.json(.get, "/x?access_token=tok-secret-2"),
            options: RequestOptions(logger: capture.logger))
        #expect(capture.text.contains("request succeeded"))
        #expect(capture.text.contains("status=200"))
        #expect(!capture.text.contains("tok-secret-1"))
        #expect(!capture.text.contains("tok-secret-2"))
    }
}
