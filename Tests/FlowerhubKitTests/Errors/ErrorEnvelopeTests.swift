import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

/// The portal's error body is read once, by the kit's envelope decoder, and reaches callers
/// through the `APIError`.
@Suite("The portal's error envelope")
struct ErrorEnvelopeTests {
    static func response(_ status: Int, _ body: String, contentType: String = "application/json") -> RawResponse {
        var head = HTTPResponse(status: .init(code: status))
        head.headerFields[.contentType] = contentType
        return RawResponse(head: head, body: Data(body.utf8), url: URL(string: "https://api.portal.flowerhub.se/x")!)
    }

    @Test("a message, or a list of messages, with the error name becomes the portal error")
    func shapes() throws {
        let notFound = try #require(
            FlowerhubErrorEnvelope.decoder(Self.response(404, #"{"statusCode":404,"message":"Not Found"}"#)))
        #expect(notFound.message == "Not Found")
        #expect(notFound.code == nil)
        #expect(
            notFound.vendorError as? FlowerhubPortalError
                == FlowerhubPortalError(statusCode: 404, messages: ["Not Found"]))
        let body =
            #"{"statusCode":400,"message":["username must be an email","password too short"],"error":"Bad Request"}"#
        let rejected = try #require(FlowerhubErrorEnvelope.decoder(Self.response(400, body)))
        #expect(rejected.message == "username must be an email; password too short")
        #expect(rejected.code == "Bad Request")
        let portal = rejected.vendorError as? FlowerhubPortalError
        #expect(portal?.messages.count == 2)
        #expect(portal?.error == "Bad Request")
    }

    @Test("success, HTML pages, empty bodies and other shapes give no details")
    func nothingToRead() {
        let cases = [
            Self.response(200, #"{"message":"fine"}"#),
            Self.response(500, "<html>Bad gateway</html>", contentType: "text/html"),
            Self.response(401, ""),
            Self.response(404, #"["Not Found"]"#),
            Self.response(404, #"{"statusCode":404}"#),
        ]
        for response in cases {
            #expect(FlowerhubErrorEnvelope.decoder(response) == nil, "\(response.status)")
        }
    }

    @Test("the portal error decodes from either message shape and round-trips")
    func coding() throws {
        let single = try JSONDecoder().decode(
            FlowerhubPortalError.self, from: Data(#"{"statusCode":404,"message":"Not Found"}"#.utf8))
        #expect(single == FlowerhubPortalError(statusCode: 404, messages: ["Not Found"]))
        let list = try JSONDecoder().decode(
            FlowerhubPortalError.self, from: Data(#"{"message":["a","b"],"error":"Bad Request"}"#.utf8))
        #expect(list == FlowerhubPortalError(messages: ["a", "b"], error: "Bad Request"))
        #expect(try JSONDecoder().decode(FlowerhubPortalError.self, from: JSONEncoder().encode(list)) == list)
    }

    @Test("a failed call carries the portal error as vendor code, message and parsed error")
    func throughTheClient() async throws {
        let harness = try await Harness()
        let body = #"{"statusCode":400,"message":["username must be an email"],"error":"Bad Request"}"#
        harness.transport.enqueue(.json(400, body))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.login(username: "kim", password: "pw-for-tests")
        }
        #expect(error?.kind == .client)
        #expect(error?.vendorCode == "Bad Request")
        #expect(error?.vendorMessage == "username must be an email")
        #expect(error?.vendorError(as: FlowerhubPortalError.self)?.statusCode == 400)
    }
}
