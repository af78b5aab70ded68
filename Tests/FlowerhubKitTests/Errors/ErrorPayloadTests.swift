import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

/// What an invalid-response error keeps of the body, and what `dump` shows of a client.
@Suite("Error payloads and dumps")
struct ErrorPayloadTests {
    static func payload(of error: FlowerhubError?) -> JSONValue? {
        guard let error, error.code == .invalidResponse else { return nil }
        return error.payload
    }

    @Test("a small body is kept as the payload; a large one is not, and the message stays")
    func bounded() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, #"{"id": 880045, "note": "no status"}"#))
        let padding = String(repeating: "x", count: FlowerhubError.maximumPayloadSize)
        harness.transport.enqueue(.json(200, #"{"id": 880045, "note": "\#(padding)"}"#))
        let small = await #expect(throws: FlowerhubError.self) { try await harness.client.fetchAsset(assetId: 880045) }
        #expect(Self.payload(of: small) == ["id": 880045, "note": "no status"])
        let large = await #expect(throws: FlowerhubError.self) { try await harness.client.fetchAsset(assetId: 880045) }
        #expect(large?.message.contains("missing flowerHubStatus") == true)
        #expect(Self.payload(of: large) == nil)
        var dumped = ""
        dump(large, to: &dumped)
        #expect(dumped.utf8.count < 2_048)
    }

    @Test("the payload has secret-named members and the session's cookie values replaced")
    func redacted() async throws {
        let harness = try await Harness()
        let cookie = "sessionCookieValue-8Kq2Lm"
        harness.transport.enqueue(fh("login.json", headers: setCookies("Authentication=\(cookie); Path=/; Secure")))
        try await harness.client.login(username: "kim@example.test", password: "pw-for-tests")
        let body = #"{"assetId": "abc", "token": "tok-3jd8s", "debug": "cookie was Authentication=\#(cookie)"}"#
        harness.transport.enqueue(.json(200, body))
        let error = await #expect(throws: FlowerhubError.self) { try await harness.client.fetchAssetId() }
        let payload = try #require(Self.payload(of: error))
        #expect(payload["assetId"] == "abc")
        #expect(payload["token"] == .string(Redactor.placeholder))
        #expect(payload["debug"]?.stringValue?.contains("cookie was Authentication=") == true)
        let printed = "\(payload)"
        let leaks = [cookie, "tok-3jd8s"].map { printed.contains($0) }
        #expect(leaks == [false, false])
    }

    @Test("the public readers keep a small, redacted payload only")
    func publicReaders() throws {
        let secretMember: JSONValue = ["password": "hunter2-x"]
        let small = #expect(throws: FlowerhubError.self) { try FlowerhubParsers.invoices(from: secretMember) }
        #expect(Self.payload(of: small) == ["password": .string(Redactor.placeholder)])
        let blob = String(repeating: "y", count: FlowerhubError.maximumPayloadSize + 1)
        let big = JSONValue.object(["blob": .string(blob)])
        let large = #expect(throws: FlowerhubError.self) { try FlowerhubParsers.invoices(from: big) }
        #expect(large?.message.contains("expected list") == true)
        #expect(Self.payload(of: large) == nil)
    }

    @Test("dump of a logged-in client shows cookie names but no cookie value, header value or password")
    func dumpClient() async throws {
        let access = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.dumpSignatureA1"
        let refresh = "refreshCookie-dump-Z9q7"
        let apiKey = "api-key-value-4Hs8"
        let harness = try await Harness {
            $0.additionalHeaders = [HTTPField.Name("X-Api-Key")!: apiKey]
        }
        let cookies = setCookies("Authentication=\(access); Path=/; Secure", "Refresh=\(refresh); Path=/; Secure")
        harness.transport.enqueue(fh("login.json", headers: cookies))
        try await harness.client.login(username: "kim@example.test", password: "password-for-dump")
        var dumped = ""
        dump(harness.client, to: &dumped)
        #expect(dumped.contains("FlowerhubClient"))
        #expect(dumped.contains("Authentication"))
        #expect(dumped.contains("40123"))
        let leaks = [access, refresh, apiKey, "password-for-dump", "dumpSignatureA1"].map { dumped.contains($0) }
        #expect(leaks == [false, false, false, false, false])
        let reflected = String(reflecting: harness.client).contains(access)
        #expect(!reflected)
    }
}
