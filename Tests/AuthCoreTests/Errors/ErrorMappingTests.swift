import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@Suite("Error mapping")
struct ErrorMappingTests {
    func failure(
        _ response: MockResponse, endpoint: Endpoint<JSONValue> = .json(.get, "/thing"),
        configure: (inout APIClient.Configuration) -> Void = { _ in }
    ) async throws -> APIError? {
        let transport = MockTransport()
        transport.enqueue(response)
        let client = try TestHelpers.client(transport: transport, configure: configure)
        return await TestHelpers.apiError { try await client.send(endpoint) }
    }

    @Test(
        "every HTTP error class maps to its kind",
        arguments: [
            (400, APIError.Kind.client), (401, .authenticationFailed), (403, .client), (404, .client), (409, .client),
            (412, .client), (408, .timeout), (429, .rateLimited), (500, .server), (502, .server), (503, .server),
            (504, .server),
            (302, .invalidResponse),
        ]
    )
    func statusKinds(status: Int, kind: APIError.Kind) async throws {
        let error = try await failure(.json(status, "{}"))
        #expect(error?.kind == kind)
        #expect(error?.status == status)
        #expect(error?.method == "GET")
        #expect(error?.url == "https://api.example.test/thing")
        #expect(error?.isTransient == [408, 429, 500, 502, 503, 504].contains(status))
        #expect(error?.requiresReauthentication == (status == 401))
    }

    @Test("a 429 carries its Retry-After")
    func rateLimited() async throws {
        let error = try await failure(.json(429, "{}", headers: [.retryAfter: "30"]))
        #expect(error?.retryAfter == .seconds(30))
        #expect(error?.description.contains("retry after 30.0s") == true)
    }

    @Test("vendor envelopes, nested and flat, give the vendor's code and message")
    func envelopes() async throws {
        let nested = try await failure(.fixture(503, "authcore/error-envelope-nested.json"))
        #expect(nested?.vendorCode == "Resource_Busy")
        #expect(nested?.vendorMessage == "The resource is busy, try again later.")
        let flat = try await failure(.fixture(400, "authcore/error-envelope-flat.json"))
        #expect(flat?.vendorCode == "4012")
        #expect(flat?.vendorMessage == "Device is offline")
        #expect(flat?.responseBody != nil)
    }

    @Test("an HTML error page is named as such, with a short excerpt")
    func htmlErrorPage() async throws {
        let error = try await failure(.fixture(502, "authcore/error-page.html"))
        #expect(error?.kind == .server)
        #expect(error?.message.contains("HTML") == true)
        #expect(error?.bodyExcerpt?.contains("502 Bad Gateway") == true)
        #expect(error?.vendorCode == nil)
    }

    @Test("an empty error body is fine")
    func emptyErrorBody() async throws {
        let error = try await failure(.status(500))
        #expect(error?.kind == .server)
        #expect(error?.bodyExcerpt == nil)
    }

    @Test("a vendor that reports errors inside a 200 can turn them into typed errors")
    func errorInSuccess() async throws {
        let decoder: ErrorEnvelopeDecoder = { response in
            guard let json = try? JSONValue(jsonData: response.body), let code = json["error"]?["code"]?.textValue
            else { return nil }
            return VendorErrorDetails(
                code: code, message: json["error"]?["message"]?.stringValue,
                kind: code == "2" ? .authenticationFailed : .client)
        }
        let error = try await failure(.json(200, #"{"error":{"code":2,"message":"Invalid access token"}}"#)) {
            $0.errorDecoder = decoder
        }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.vendorCode == "2")
        #expect(error?.status == 200)
    }

    @Test("bad success bodies: malformed, truncated, empty, HTML, wrong types, missing fields")
    func badBodies() async throws {
        struct Widget: Decodable, Sendable {
            let id: Int
            let name: String
        }
        let endpoint = Endpoint<Widget>.json(.get, "/widget")
        func decodeFailure(_ response: MockResponse) async throws -> APIError? {
            let transport = MockTransport()
            transport.enqueue(response)
            let client = try TestHelpers.client(transport: transport)
            return await TestHelpers.apiError { try await client.send(endpoint) }
        }
        let malformed = try await decodeFailure(.json(200, #"{"id": 1, "name": }"#))
        #expect(malformed?.kind == .invalidResponse)
        #expect(malformed?.message.contains("not valid JSON") == true)
        let truncated = try await decodeFailure(.json(200, #"{"id": 1, "na"#))
        #expect(truncated?.kind == .invalidResponse)
        let empty = try await decodeFailure(.status(200))
        #expect(empty?.kind == .invalidResponse)
        #expect(empty?.message.contains("empty") == true)
        let html = try await decodeFailure(.fixture(200, "authcore/error-page.html"))
        #expect(html?.message.contains("HTML") == true)
        let wrongType = try await decodeFailure(.json(200, #"{"id": "one", "name": "w"}"#))
        #expect(wrongType?.kind == .decoding)
        #expect(wrongType?.message.contains("id") == true)
        let missing = try await decodeFailure(.json(200, #"{"id": 1}"#))
        #expect(missing?.kind == .decoding)
        #expect(missing?.message.contains("name") == true)
        let widget = try await TestHelpers.client(
            transport: {
                let transport = MockTransport()
                transport.enqueue(.fixture(200, "authcore/widget.json"))
                return transport
            }()
        ).send(endpoint)
        #expect(widget.id == 42)
    }
}
