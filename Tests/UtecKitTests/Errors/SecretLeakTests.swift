import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

/// A server that echoes what it received must not get secrets into errors, logs or dumps.
@Suite("Secrets stay out of errors, logs and dumps")
struct SecretLeakTests {
    static let accessToken = "at-canary-9f8e7d6c5b4a"
    static let refreshToken = "rt-canary-1a2b3c4d5e6f"
    static let webhookSecret = "wh-canary-0f1e2d3c4b5a"
    static let code = "code-canary-77aa88bb"

    static func expectClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (index, canary) in [accessToken, refreshToken, webhookSecret, code, UT.clientSecret.revealed].enumerated() {
            let leaked = text.contains(canary)
            #expect(!leaked, "canary #\(index) leaked", sourceLocation: sourceLocation)
        }
    }

    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "" }
        var dumped = ""
        dump(error, to: &dumped)
        return "\(error) \(String(reflecting: error)) \(dumped) \((error as? APIError)?.vendorMessage ?? "")"
            + " \((error as? APIError)?.bodyExcerpt ?? "")"
    }

    @Test("the action endpoint echoing the bearer token and the webhook secret in payload.error")
    func actionEcho() async throws {
        let capture = LogCapture()
        let transport = MockTransport { request in
            let echoed = "\(request.headers[.authorization] ?? "") \(request.bodyText ?? "")"
                .replacingOccurrences(of: "\"", with: "'")
            return .json(200, #"{"payload":{"error":{"code":"BAD-REQUEST","message":"you sent \#(echoed)"}}}"#)
        }
        let client = try UT.client(
            transport: transport, authorization: .accessToken { Secret(Self.accessToken) }, logger: capture.logger)
        let error = await UT.apiError {
            try await client.registerWebhook(
                url: URL(string: "https://hooks.example.test/utec")!, secret: Secret(Self.webhookSecret))
        }
        #expect(error?.vendorCode == "BAD-REQUEST")
        Self.expectClean(Self.describe(error))
        Self.expectClean(capture.text)
        #expect(capture.count > 0)
    }

    @Test("the token endpoint echoing code, refresh token and client secret in a 400 body")
    func tokenEcho() async throws {
        let capture = LogCapture()
        let transport = MockTransport { request in
            .json(400, #"{"code":400,"message":"bad request: \#(request.bodyText ?? "")"}"#)
        }
        let oauth = try UtecOAuth(
            clientID: "client-id-utec", clientSecret: UT.clientSecret, redirectURI: UT.redirect,
            transport: transport, logger: capture.logger)
        let refresh = await UT.apiError {
            try await oauth.refresh(
                OAuth2Token(accessToken: Secret(Self.accessToken), refreshToken: Secret(Self.refreshToken)))
        }
        #expect(refresh != nil)
        Self.expectClean(Self.describe(refresh))
        let pending = oauth.beginAuthorization()
        let state =
            URLComponents(url: pending.url, resolvingAgainstBaseURL: false)?.queryItems?
            .first { $0.name == "state" }?.value ?? ""
        let exchange = await UT.apiError {
            try await pending.complete(callbackURL: URL(string: "\(UT.redirect)?code=\(Self.code)&state=\(state)")!)
        }
        #expect(exchange != nil)
        Self.expectClean(Self.describe(exchange))
        Self.expectClean(capture.text)
        #expect(!capture.text.contains(state))
    }

    @Test("dump and description of the client, its configuration and tokens show no secret")
    func dumps() async throws {
        let manager = try UT.oauth(transport: MockTransport()).tokenManager(
            initialToken: OAuth2Token(accessToken: Secret(Self.accessToken), refreshToken: Secret(Self.refreshToken)))
        let client = try UT.client(transport: MockTransport(), authorization: .tokens(manager))
        var dumped = ""
        dump(client, to: &dumped)
        dump(client.configuration.authorization, to: &dumped)
        dump(
            UtecActionRequest.setNotification(
                url: URL(string: "https://h.example.test")!, secret: Secret(Self.webhookSecret)
            ).header, to: &dumped)
        Self.expectClean(dumped + client.description + String(describing: client))
    }
}
