import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

/// Servers that quote back what they were sent: every secret must be gone from what a person sees.
@Suite("Secrets echoed by Entra ID and Business Central")
struct EchoedSecretTests {
    static let clientSecret = "canary-client-secret-Q7x~w2"
    static let bearer = "canary-opaque-bearer-4f8d2c"
    static let basicKey = "canary+web/service=key91"

    /// Everything of an error a person or a log could see.
    static func visibleText(_ error: APIError?) -> String {
        guard let error else { return "" }
        var dumped = ""
        dump(error, to: &dumped)
        let body = error.responseBody.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return [
            "\(error)", dumped, error.vendorMessage ?? "", error.vendorCode ?? "", error.bodyExcerpt ?? "", body,
            String(describing: error.vendorError),
        ].joined(separator: "\n")
    }

    @Test("an Entra error_description echoing the client secret shows it nowhere")
    func entraEchoesClientSecret() async throws {
        let capture = LogCapture()
        let transport = MockTransport()
        let body =
            #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided: '"#
            + Self.clientSecret + #"'.","error_codes":[7000215]}"#
        transport.enqueue(.json(401, body), path: BC.tokenPath)
        let session = OdynSession.clientCredentials(try BC.credentials(secret: Secret(Self.clientSecret)))
        let client = try BC.client(transport: transport, session: session, logger: capture.logger)
        let error = await BC.apiError { try await client.get("items") }
        #expect(error?.kind == .authenticationFailed)
        let entra = try #require(BC.entra(error))
        #expect(entra.error == "invalid_client")
        #expect(entra.errorCodes == [7_000_215])
        #expect(entra.errorDescription == "AADSTS7000215: Invalid client secret provided: '<redacted>'.")
        #expect(!Self.visibleText(error).contains(Self.clientSecret))
        #expect(!capture.text.contains(Self.clientSecret))
    }

    @Test("a Business Central message echoing the bearer token shows it nowhere")
    func businessCentralEchoesBearer() async throws {
        let capture = LogCapture()
        let transport = MockTransport()
        let correlation = "CorrelationId:  0a0a0a0a-0000-4000-8000-000000000400."
        let message = "Token " + Self.bearer + " is not valid for this company.  " + correlation
        transport.enqueue(.json(400, #"{"error":{"code":"BadRequest","message":"\#(message)"}}"#))
        let session = try OdynSession.bearer(Secret(Self.bearer))
        let client = try BC.client(transport: transport, session: session, logger: capture.logger)
        let error = await BC.apiError { try await client.get("items") }
        #expect(error?.kind == .client)
        #expect(
            BC.service(error)
                == BCServiceError(
                    status: 400, code: "BadRequest",
                    message: "Token <redacted> is not valid for this company.  " + correlation))
        #expect(BC.service(error)?.correlationId == "0a0a0a0a-0000-4000-8000-000000000400")
        #expect(!Self.visibleText(error).contains(Self.bearer))
        #expect(!capture.text.contains(Self.bearer))
    }

    @Test("a Business Central message echoing the basic-auth web service key shows it nowhere")
    func businessCentralEchoesBasicKey() async throws {
        let capture = LogCapture()
        let transport = MockTransport()
        let encoded = Data("WEBUSER:\(Self.basicKey)".utf8).base64EncodedString()
        let message = #"Web service key \"\#(Self.basicKey)\" (Basic \#(encoded)) is expired."#
        let body = #"{"error":{"code":"Authentication_InvalidCredentials","message":"\#(message)"}}"#
        transport.enqueue(.json(401, body))
        let session = try OdynSession.basic(username: "WEBUSER", password: Secret(Self.basicKey))
        let client = try BC.client(transport: transport, session: session, logger: capture.logger)
        let error = await BC.apiError { try await client.get("items") }
        #expect(error?.kind == .authenticationFailed)
        let text = try #require(BC.service(error)?.message)
        #expect(text.hasPrefix("Web service key"))
        for secret in [Self.basicKey, encoded] {
            #expect(!Self.visibleText(error).contains(secret))
            #expect(!capture.text.contains(secret))
        }
    }

    @Test("a $batch inner error echoing the access token is scrubbed from its message, body and dump")
    func batchEchoesToken() async throws {
        let capture = LogCapture()
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: BC.tokenPath)
        let echo =
            #"{"responses":[{"id":"1","status":400,"headers":{"x-echo":"Bearer \#(BC.fixtureToken)"},"#
            + #""body":{"error":{"code":"BadRequest","message":"Bearer \#(BC.fixtureToken) cannot do this"}}},"#
            + #"{"id":"2","status":200,"body":{"value":[]}}]}"#
        transport.enqueue(.json(200, echo), path: BC.apiPath)
        let session = OdynSession.clientCredentials(try BC.credentials())
        let client = try BC.client(transport: transport, session: session, logger: capture.logger)
        let results = try await client.batch([try .get("items"), try .get("vendors")])
        let failed = try #require(results.first)
        #expect(failed.error?.kind == .client)
        #expect(
            BC.service(failed.error)
                == BCServiceError(status: 400, code: "BadRequest", message: "<redacted> cannot do this"))
        #expect(failed.headers["x-echo"] == "<redacted>")
        var dumped = ""
        dump(results, to: &dumped)
        let visible = [dumped, "\(String(describing: failed.error))", "\(failed.body as Any)", "\(failed.headers)"]
        for text in visible + [capture.text] {
            #expect(!text.contains(BC.fixtureToken))
            #expect(!text.contains("FAKE.PAYLOAD"))
        }
        #expect(results[1].body == ["value": []])
    }

    @Test("a $batch inner error echoing a static bearer token or basic key is scrubbed", arguments: [false, true])
    func batchEchoesStaticCredentials(basic: Bool) async throws {
        let secret = basic ? Self.basicKey : Self.bearer
        let session =
            basic
            ? try OdynSession.basic(username: "WEBUSER", password: Secret(secret))
            : try OdynSession.bearer(Secret(secret))
        let transport = MockTransport()
        let escaped = secret.replacingOccurrences(of: "/", with: "\\/")
        transport.enqueue(
            .json(
                200,
                #"{"responses":[{"id":"1","status":403,"body":{"error":"#
                    + #"{"code":"Authorization_Failed","message":"credential \#(escaped) lacks permission"}}}]}"#))
        let client = try BC.client(transport: transport, session: session)
        let results = try await client.batch([try .get("items")])
        #expect(results.first?.error?.kind == .client)
        #expect(
            BC.service(results.first?.error)
                == BCServiceError(
                    status: 403, code: "Authorization_Failed", message: "credential <redacted> lacks permission"))
        var dumped = ""
        dump(results, to: &dumped)
        #expect(!dumped.contains(secret))
    }

    @Test("messages OdynKit reads from Entra, Business Central and $batch bodies are bounded like the pipeline's")
    func boundedTexts() async throws {
        let long = String(repeating: "x", count: 100_000)
        let transport = MockTransport()
        transport.enqueue(.json(400, #"{"error":"invalid_client","error_description":"\#(long)"}"#), path: BC.tokenPath)
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: BC.tokenPath)
        transport.enqueue(.json(400, #"{"error":{"code":"\#(long)","message":"\#(long)"}}"#), path: BC.apiPath)
        transport.enqueue(
            .json(
                200,
                #"{"responses":[{"id":"1","status":400,"body":{"error":{"code":"\#(long)","#
                    + #""message":"\#(long)"}}}]}"#), path: BC.apiPath)
        let client = try BC.client(transport: transport, session: OdynSession.clientCredentials(try BC.credentials()))
        let limit = APIError.maximumTextLength + "…".utf8.count
        let token = await BC.apiError { try await client.get("items") }
        #expect(token?.kind == .authenticationFailed)
        let description = try #require(BC.entra(token)?.errorDescription)
        #expect(description.utf8.count <= limit)
        #expect((token?.vendorMessage?.utf8.count ?? .max) <= limit)
        let http = await BC.apiError { try await client.get("items") }
        #expect(http?.status == 400)
        let code = try #require(BC.service(http)?.code)
        let message = try #require(BC.service(http)?.message)
        #expect(code.utf8.count <= limit && message.utf8.count <= limit)
        let inner = try await client.batch([try .get("items")]).first?.error
        #expect(inner?.status == 400)
        let innerCode = try #require(BC.service(inner)?.code)
        let innerMessage = try #require(BC.service(inner)?.message)
        #expect(innerCode.utf8.count <= limit && innerMessage.utf8.count <= limit)
        #expect(!String(describing: http).contains(long))
        #expect(!String(describing: inner).contains(long))
    }

    @Test("a 200 HTML page echoing the basic key is reported without it")
    func successPageEchoesKey() async throws {
        let transport = MockTransport()
        let page = "<html><body>Signed in with key \(Self.basicKey) as WEBUSER</body></html>"
        transport.enqueue(.status(200, body: Data(page.utf8), headers: BC.header("Content-Type", "text/html")))
        let session = try OdynSession.basic(username: "WEBUSER", password: Secret(Self.basicKey))
        let client = try BC.client(transport: transport, session: session)
        let error = await BC.apiError { try await client.get("items") }
        let excerpt = "<html><body>Signed in with key <redacted> as WEBUSER</body></html>"
        #expect(error?.kind == .invalidResponse)
        #expect(error?.bodyExcerpt == excerpt)
        #expect(!Self.visibleText(error).contains(Self.basicKey))
    }
}
