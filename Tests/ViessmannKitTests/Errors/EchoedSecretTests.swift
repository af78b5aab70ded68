import AuthCore
import Foundation
import HTTPTypes
import Logging
import TestSupport
import Testing

@testable import ViessmannKit

/// Servers that quote back what they were sent: no secret may reach a person or a log.
@Suite("Secrets echoed by the Viessmann API and IAM")
struct EchoedSecretTests {
    static let bearer = "canary-bearer-7Qx2"
    static let refresh = "canary-refresh-9Zk4"
    static let code = "canary-code-3Ty8"

    static func visible(_ error: (any Error)?) -> String {
        guard let error else { return "" }
        var dumped = ""
        dump(error, to: &dumped)
        guard let apiError = error as? APIError else { return "\(error)\n\(dumped)" }
        return [
            "\(apiError)", dumped, apiError.vendorMessage ?? "", apiError.bodyExcerpt ?? "",
            String(describing: apiError.vendorError),
        ].joined(separator: "\n")
    }

    @Test("an API error body echoing the bearer token shows it nowhere, not in logs at trace level either")
    func apiEchoesBearer() async throws {
        let capture = LogCapture()
        var logger = capture.logger
        logger.logLevel = .trace
        let body =
            #"{"viErrorId":"req-1","statusCode":400,"errorType":"VALIDATION_ERROR","message":"bad token "#
            + Self.bearer + #"","validationErrors":[{"message":"Bearer "# + Self.bearer + #"","path":"slope"}]}"#
        let transport = MockTransport { _ in .json(400, body) }
        let client = try ViessmannClient(
            configuration: .init(tokens: .provider(ClosureTokenProvider { Secret(Self.bearer) })),
            transport: transport, logger: logger)
        let error = await caught { _ = try await client.installations() }
        #expect((error as? APIError)?.vendorCode == "VALIDATION_ERROR")
        #expect(!Self.visible(error).contains(Self.bearer))
        #expect(!capture.text.contains(Self.bearer))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains(Self.bearer))
    }

    @Test("the IAM echoing the code, verifier and refresh token shows none of them")
    func iamEchoes() async throws {
        let capture = LogCapture()
        var logger = capture.logger
        logger.logLevel = .trace
        let folder = try temporaryFolder()
        let transport = MockTransport { request in
            let form = request.formFields
            let echoed = [form["code"], form["code_verifier"], form["refresh_token"]].compactMap { $0 }
                .joined(separator: " ")
            return .json(400, #"{"error":"invalid_grant","error_description":"rejected "# + echoed + #""}"#)
        }
        let client = try ViessmannClient(
            configuration: .init(clientID: "c", tokens: .file(folder.appendingPathComponent("t.json"))),
            transport: transport, logger: logger)
        let pending = try client.beginSignIn()
        let state = FormEncoding.decode(pending.url.query ?? "").first { $0.0 == "state" }?.1 ?? ""
        let error = await caught { try await client.completeSignIn(pending, code: Secret(Self.code), state: state) }
        let verifier = transport.requests.first?.formFields["code_verifier"] ?? "missing"
        #expect((error as? APIError)?.vendorCode == "invalid_grant")
        for secret in [Self.code, verifier, state] {
            #expect(!Self.visible(error).contains(secret))
            #expect(!capture.text.contains(secret))
        }
    }

    @Test("tokens, the client and errors print no token")
    func descriptions() async throws {
        let token = OAuth2Token(accessToken: Secret(Self.bearer), refreshToken: Secret(Self.refresh))
        #expect(!"\(token)".contains(Self.bearer))
        let client = try apiClient(MockTransport())
        #expect(!"\(client)".contains("mock_access_token"))
        let error = ViessmannError(.validationFailed, "slope: 5.0 > max 3.5", parameter: "slope", rule: .maximum)
        #expect(error.description == "ViessmannError.validationFailed: slope: 5.0 > max 3.5")
    }
}
