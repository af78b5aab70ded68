import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import FlowerhubKit

/// A server that echoes the submitted password must not get it into anything the client returns,
/// throws or logs.
@Suite("Password echoes")
struct PasswordEchoTests {
    /// A password with the characters escaping changes: `&`, `"`, `/`, `'`, `<` and non-ASCII.
    static let password = "Kö&\"/pä'<ss-9f3k"

    /// The spellings an echo of ``password`` takes.
    static let spellings: [String] = [
        password,
        "Kö&amp;&quot;/pä&#39;&lt;ss-9f3k",  // HTML
        "Kö&amp;&quot;&#x2F;pä&#x27;&lt;ss-9f3k",  // HTML, OWASP style
        #"Kö&\"/pä'<ss-9f3k"#,  // JSON
        #"Kö&\"\/pä'<ss-9f3k"#,  // JSON with an escaped slash
        #"K\u00f6&\"/p\u00e4'<ss-9f3k"#,  // JSON kept to ASCII
        #"K\u00F6&\"/p\u00E4'<ss-9f3k"#,
        #"K\u00f6&\"\/p\u00e4'<ss-9f3k"#,  // JSON kept to ASCII, escaped slash
        #"K\u00f6\u0026\"/p\u00e4'\u003css-9f3k"#,  // JSON safe for HTML
        "K%C3%B6%26%22/p%C3%A4'%3Css-9f3k",  // percent-encoded
        "9f3k",  // enough to recognise it: the tail of the password must be gone too
    ]

    /// Asserts that no spelling of the password is in `texts`.
    static func expectClean(_ texts: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let joined = texts.joined(separator: "\n")
        // The haystack holds the password when this fails, so only the verdict goes into the expectation.
        for (index, spelling) in spellings.enumerated() {
            let leaked = joined.contains(spelling)
            #expect(!leaked, "\(what) leaks spelling #\(index)", sourceLocation: sourceLocation)
        }
    }

    /// Every printable part of an error.
    static func texts(of error: (any Error)?) -> [String] {
        guard let error else { return [] }
        var texts = [String(describing: error), String(reflecting: error), error.localizedDescription]
        var dumped = ""
        dump(error, to: &dumped)
        texts.append(dumped)
        if let apiError = error as? APIError {
            texts += [apiError.message, apiError.vendorMessage ?? "", apiError.vendorCode ?? ""]
            texts.append(apiError.bodyExcerpt ?? "")
            texts.append(apiError.responseBody.map { String(decoding: $0, as: UTF8.self) } ?? "")
            if let body = apiError.responseBody, let json = try? JSONValue(jsonData: body) { texts.append("\(json)") }
            texts += apiError.responseHeaders.map(\.value)
        }
        return texts
    }

    /// The body of a 401 that quotes the password, as JSON written by `writer`.
    static func unauthorizedBody(asciiOnly: Bool) throws -> String {
        let quoted = String(decoding: try JSONEncoder().encode("Invalid credentials: '\(password)'"), as: UTF8.self)
        guard asciiOnly else { return #"{"message":\#(quoted)}"# }
        let ascii = quoted.unicodeScalars.map { $0.isASCII ? String($0) : String(format: "\\u%04x", $0.value) }.joined()
        return #"{"message":\#(ascii)}"#
    }

    @Test(
        "a 401 quoting the password (plain or ASCII-escaped JSON) leaves it in no error field",
        arguments: [false, true])
    func unauthorizedEcho(asciiOnly: Bool) async throws {
        let capture = LogCapture()
        let harness = try await Harness(logger: capture.logger)
        harness.transport.enqueue(.json(401, try Self.unauthorizedBody(asciiOnly: asciiOnly)))
        let error = await #expect(throws: APIError.self) {
            try await harness.client.loginResult(username: "kim@example.test", password: Secret(Self.password))
        }
        #expect(error?.requiresReauthentication == true)
        #expect(harness.transport.requests.first?.jsonBody?["password"] == .string(Self.password))
        Self.expectClean(Self.texts(of: error) + [capture.text], "401")
    }

    @Test(
        "a 500 HTML page echoing the password leaves it in no result, error or log line", arguments: CallForm.allCases)
    func serverErrorEcho(form: CallForm) async throws {
        let capture = LogCapture()
        let harness = try await Harness(logger: capture.logger)
        let template = try Fixture.text("flowerhub/login-error-page.html")
        let page =
            template
            .replacingOccurrences(of: "{{echo}}", with: "Kö&amp;&quot;/pä&#39;&lt;ss-9f3k and Kö&\"/pä'<ss-9f3k")
            .replacingOccurrences(of: "{{cookie}}", with: "-")
        for _ in 0..<3 {
            harness.transport.enqueue(.status(500, body: Data(page.utf8), headers: [.contentType: "text/html"]))
        }
        do {
            let result: FlowerhubResult<FlowerhubLoginResponse>
            switch form {
            case .throwing:
                try await harness.client.login(username: "kim@example.test", password: Secret(Self.password))
                Issue.record("the throwing form returned")
                return
            case .returningErrors:
                result = try await harness.client.loginResult(
                    username: "kim@example.test", password: Secret(Self.password))
            }
            #expect(result.statusCode == 500)
            #expect(result.text.contains("Internal Server Error"))
            let printed =
                [result.text, "\(result.json as Any)", result.errorMessage ?? ""]
                + Self.texts(of: result.error)
            Self.expectClean(printed, "result")
        } catch {
            #expect(form == .throwing)
            Self.expectClean(Self.texts(of: error), "error")
        }
        #expect(harness.transport.requests.count == 3)
        Self.expectClean([capture.text] + harness.apiErrors.all, "logs and handler")
    }

    @Test("a 200 login body echoing the password does not return it in text or json")
    func successEcho() async throws {
        let harness = try await Harness()
        let note = String(decoding: try JSONEncoder().encode("signed in with \(Self.password)"), as: UTF8.self)
        harness.transport.enqueue(.json(200, #"{"user": {"assetOwnerId": 40123}, "note": \#(note)}"#))
        let result = try await harness.client.loginResult(
            username: "kim@example.test", password: Secret(Self.password))
        #expect(result.value?.user?.assetOwnerId == 40123)
        #expect(result.json?["note"] != nil)
        Self.expectClean([result.text, "\(result.json as Any)"], "success body")
    }

    @Test("a garbage 200 login echoing the password keeps it out of the invalid-response error")
    func garbageEcho() async throws {
        let harness = try await Harness()
        let note = String(decoding: try JSONEncoder().encode("bad password \(Self.password)"), as: UTF8.self)
        harness.transport.enqueue(.json(200, #"{"message": \#(note)}"#))
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.login(username: "kim@example.test", password: Secret(Self.password))
        }
        #expect(error?.code == .invalidResponse)
        let payload = error?.payload
        #expect(payload?["message"] != nil)
        Self.expectClean(Self.texts(of: error) + ["\(payload as Any)"], "invalid response")
    }
}
