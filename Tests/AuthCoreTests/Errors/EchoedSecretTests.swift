import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Servers that echo what the request carried: every secret value the request sent is removed
/// from every error built from the response, not only the values of well-known key names.
@Suite("Echoed secrets are scrubbed from errors")
struct EchoedSecretTests {
    static let password = "pw-ECHO-&+=|ü 9/x\"y"

    func everythingPrintable(_ error: APIError?) -> String {
        guard let error else { return "" }
        var parts = [error.description, String(reflecting: error), error.localizedDescription]
        parts.append(error.vendorMessage ?? "")
        parts.append(error.bodyExcerpt ?? "")
        parts.append(error.responseBody.map { String(decoding: $0, as: UTF8.self) } ?? "")
        parts.append(error.responseHeaders.map(\.value).joined(separator: "\n"))
        return parts.joined(separator: "\n")
    }

    @Test("a login 401 quoting the password in its JSON message keeps no trace of it")
    func passwordInJSONMessage() async throws {
        let transport = MockTransport()
        let echo = try JSONSerialization.data(withJSONObject: ["message": "Invalid credentials: '\(Self.password)'"])
        transport.enqueue(.status(401, body: echo, headers: [.contentType: "application/json"]))
        let client = try TestHelpers.client(transport: transport)
        let body = try APIRequestBody.json(["username": "kim@example.test", "password": Self.password])
        let error = await TestHelpers.apiError {
            try await client.send(
                Endpoint<JSONValue>.json(.post, "/auth/login", body: body, requiresAuthentication: false))
        }
        #expect(error?.vendorMessage?.hasPrefix("Invalid credentials") == true)
        let printable = everythingPrintable(error)
        #expect(!printable.contains("pw-ECHO"))
    }

    @Test("a 500 HTML page echoing the password and the request's cookies keeps neither")
    func htmlEcho() async throws {
        let jar = CookieJar()
        let base = URL(string: "https://api.example.test/")!
        jar.store(
            setCookieHeaders: ["Authentication=ck-ECHO-7e2b9911; Path=/"], from: base, now: TestClock.defaultStart)
        let transport = MockTransport { request in
            let cookie = request.headers[.cookie] ?? ""
            let page = "<html><body><h1>Oops</h1><pre>password=\(Self.password)\nCookie: \(cookie)</pre></body></html>"
            return .status(500, body: Data(page.utf8), headers: [.contentType: "text/html"])
        }
        let client = try TestHelpers.client(transport: transport) { $0.cookieJar = jar }
        let body = APIRequestBody.form([("user", "kim"), ("password", Self.password)])
        let error = await TestHelpers.apiError {
            try await client.send(
                Endpoint<JSONValue>.json(.post, "/auth/login", body: body, requiresAuthentication: false))
        }
        #expect(transport.requests.first?.headers[.cookie] == "Authentication=ck-ECHO-7e2b9911")
        #expect(error?.status == 500)
        let printable = everythingPrintable(error)
        #expect(!printable.contains("pw-ECHO"))
        #expect(!printable.contains("ck-ECHO-7e2b9911"))
    }

    @Test("a vendor message quoting the bearer token or the basic-auth key is scrubbed")
    func credentialEcho() async throws {
        let token = "opaque-token-9f8e7d6c5b4a"
        let bearerTransport = MockTransport()
        bearerTransport.enqueue(
            .json(404, #"{"error":{"code":"NotFound","message":"token opaque-token-9f8e7d6c5b4a has no access"}}"#))
        let bearer = try TestHelpers.client(transport: bearerTransport) {
            $0.authenticator = StaticCredentials.bearer(Secret(token))
        }
        let first = await TestHelpers.apiError { try await bearer.send(Endpoint<JSONValue>.json(.get, "/x")) }
        #expect(first?.vendorCode == "NotFound")
        #expect(!everythingPrintable(first).contains(token))

        let basicTransport = MockTransport()
        basicTransport.enqueue(
            .json(
                400,
                #"{"error":{"code":"Bad","message":"web service key WSKEY-1234567890 rejected for user admin:WSKEY-1234567890"}}"#
            ))
        let basic = try TestHelpers.client(transport: basicTransport) {
            $0.authenticator = StaticCredentials.basic(username: "admin", password: Secret("WSKEY-1234567890"))
        }
        let second = await TestHelpers.apiError { try await basic.send(Endpoint<JSONValue>.json(.get, "/x")) }
        #expect(!everythingPrintable(second).contains("WSKEY-1234567890"))
    }

    @Test("values an endpoint names as secret are scrubbed from decoding failures too")
    func explicitSecretsInDecodingFailure() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"greeting":"hello pin-0042-7731"}"#))
        let client = try TestHelpers.client(transport: transport)
        struct Expected: Decodable, Sendable { let id: Int }
        var endpoint = Endpoint<Expected>.json(.post, "/pair", body: try .json(["pairing": "pin-0042-7731"]))
        endpoint.secrets = [Secret("pin-0042-7731")]
        let error = await TestHelpers.apiError { try await client.send(endpoint) }
        #expect(error?.kind == .decoding)
        #expect(!everythingPrintable(error).contains("pin-0042-7731"))
    }

    @Test("a server's error texts are bounded however long they are")
    func boundedTexts() async throws {
        let transport = MockTransport()
        let long = String(repeating: "m", count: 200_000)
        transport.enqueue(.json(400, #"{"error":{"code":""# + long + #"","message":""# + long + #""}}"#))
        let client = try TestHelpers.client(transport: transport)
        let error = try #require(
            await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/x")) })
        #expect((error.vendorMessage?.count ?? 0) <= APIError.maximumTextLength + 1)
        #expect((error.vendorCode?.count ?? 0) <= APIError.maximumTextLength / 4 + 1)
        #expect(error.description.count < 4 * APIError.maximumTextLength)
    }
}

/// Redaction happens once, in the pipeline, with the client's own redactor.
@Suite("The client's redactor decides what errors show")
struct ClientRedactorTests {
    let personalQuery = "items?$filter=displayName%20eq%20'Jane%20Doe'"

    @Test("a decoding failure shows the URL as the client's redactor (all query values hidden) allows")
    func decodingFailureUsesClientRedactor() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, "{ not json"))
        let client = try TestHelpers.client(transport: transport) { $0.redactor = Redactor(queryValues: .all) }
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, personalQuery)) }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.url?.contains("Jane") == false)
        #expect(error?.url?.contains("$filter=<redacted>") == true)
        #expect(error?.description.contains("Jane") == false)
    }

    @Test("a time-out over the real URLSession stack does not print the personal query")
    func timeoutUsesClientRedactor() async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(status: 200, body: Data("{}".utf8), delay: .seconds(2))
        }
        defer { server.stop() }
        let configuration = APIClient.Configuration(
            baseURL: server.baseURL, retryPolicy: .none, redactor: Redactor(queryValues: .all),
            timeout: .milliseconds(300)
        )
        let client = try APIClient(configuration: configuration, transport: URLSessionTransport())
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, personalQuery)) }
        #expect(error?.kind == .timeout)
        #expect(error?.url?.contains("$filter=<redacted>") == true)
        #expect(error?.description.contains("Jane") == false)
    }
}

/// The spellings an echo takes: HTML pages escape entities, some JSON writers keep to ASCII.
@Suite("Echo spellings")
struct EchoSpellingTests {
    @Test("HTML-escaped and ASCII-only JSON spellings of a secret are scrubbed too")
    func spellings() {
        let secret = "a&b\"c/d'é😀"
        let echoes = [
            "a&amp;b&quot;c/d&#39;é😀", "a&amp;b&quot;c&#x2F;d&#x27;é😀", "a&amp;b&quot;c/d&apos;é😀",
            #"a&b\"c/d'\u00e9\ud83d\ude00"#, #"a&b\"c/d'\u00E9\uD83D\uDE00"#, #"a\u0026b\"c\/d'\u00e9\ud83d\ude00"#,
            "a%26b%22c%2Fd%27%C3%A9%F0%9F%98%80",
        ]
        for echo in echoes {
            let error = APIError(kind: .client, message: "x", vendorMessage: "bad: \(echo)!", bodyExcerpt: echo)
                .scrubbing([secret])
            #expect(error.vendorMessage == "bad: <redacted>!", "\(echo)")
            #expect(error.bodyExcerpt == "<redacted>", "\(echo)")
        }
        let plain = APIError(kind: .client, message: "x", vendorMessage: "plain-value here").scrubbing(["plain-value"])
        #expect(plain.vendorMessage == "<redacted> here")
    }
}

/// A kit's parsed vendor error travels with the `APIError`, read from the scrubbed body.
@Suite("Parsed vendor errors")
struct VendorErrorTests {
    struct ServiceError: Sendable, Equatable {
        let code: String
        let message: String
        let correlationId: String?
    }

    @Test("the decoder's parsed error is reachable from the APIError and holds no echoed secret")
    func parsedVendorError() async throws {
        let transport = MockTransport()
        transport.enqueue(
            .json(409, #"{"error":{"code":"Conflict","message":"token tok-SECRET-123456 is stale"},"id":"c-1"}"#))
        let client = try TestHelpers.client(transport: transport) {
            $0.authenticator = StaticCredentials.bearer("tok-SECRET-123456")
            $0.errorDecoder = { response in
                guard let json = try? JSONValue(jsonData: response.body), let code = json["error"]?["code"]?.stringValue
                else { return nil }
                let message = json["error"]?["message"]?.stringValue ?? ""
                let parsed = ServiceError(code: code, message: message, correlationId: json["id"]?.stringValue)
                return VendorErrorDetails(code: code, message: message, vendorError: parsed)
            }
        }
        let error = try #require(
            await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/x")) })
        let parsed = try #require(error.vendorError(as: ServiceError.self))
        #expect(parsed == ServiceError(code: "Conflict", message: "token <redacted> is stale", correlationId: "c-1"))
        #expect(error.vendorMessage == "token <redacted> is stale")
    }
}

/// Kits that build errors out of a successful body (a `$batch` answer) scrub them the same way.
@Suite("Scrubbing text built from a successful response")
struct SentSecretScrubberTests {
    @Test("the scrubber removes the credential and cookies the request carried, and named extras")
    func scrubsWhatWasSent() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"inner":"bad token tok-BATCH-998877 and pin 4433-2211"}"#))
        let jar = CookieJar()
        jar.store(
            setCookieHeaders: ["sid=ck-BATCH-5566; Path=/"], from: URL(string: "https://api.example.test/")!, now: .now)
        let client = try TestHelpers.client(transport: transport) {
            $0.authenticator = StaticCredentials.bearer("tok-BATCH-998877")
            $0.cookieJar = jar
        }
        let response = try await client.send(Endpoint<RawResponse>.raw(.post, "/$batch"))
        let scrub = response.sentSecretScrubber(redactor: Redactor(), also: [Secret("4433-2211")])
        #expect(
            scrub("bad token tok-BATCH-998877, cookie ck-BATCH-5566, pin 4433-2211")
                == "bad token <redacted>, cookie <redacted>, pin <redacted>")
        #expect(scrub("nothing secret here") == "nothing secret here")
    }
}

/// A token endpoint's own error envelope can be read into the vendor's type.
@Suite("Token client error decoder")
struct TokenClientErrorDecoderTests {
    struct TokenServiceError: Sendable, Equatable {
        let error: String
        let traceId: String?
    }

    @Test("the token client's error decoder attaches the vendor's parsed token error")
    func vendorTokenError() async throws {
        let transport = MockTransport()
        transport.enqueue(
            .json(401, #"{"error":"invalid_client","error_description":"bad secret cs-TOKEN-123456","trace_id":"t-1"}"#)
        )
        let client = try OAuth2TokenClient(
            tokenURL: URL(string: "https://auth.example.test/token")!, clientID: "c", clientSecret: "cs-TOKEN-123456",
            transport: transport, retryPolicy: .none, timeSource: TestClock(),
            errorDecoder: { response in
                guard let json = try? JSONValue(jsonData: response.body), let code = json["error"]?.stringValue else {
                    return nil
                }
                let parsed = TokenServiceError(error: code, traceId: json["trace_id"]?.stringValue)
                return VendorErrorDetails(
                    code: code, message: json["error_description"]?.stringValue, vendorError: parsed)
            }
        )
        let error = try #require(
            await TestHelpers.apiError {
                try await client.requestToken(grantType: "client_credentials", parameters: [])
            })
        #expect(error.kind == .authenticationFailed)
        #expect(
            error.vendorError(as: TokenServiceError.self) == TokenServiceError(error: "invalid_client", traceId: "t-1"))
        #expect(error.vendorMessage == "bad secret <redacted>")
    }
}
