import AuthCore
import Foundation
import Logging
import TestSupport
import Testing
import VendorSandbox
import ViessmannKit

/// ViessmannKit's flows at trace level over real sockets: no token, code, verifier or state the
/// sign-in used may reach a log line, an error's description or a dump.
@Suite("Viessmann canary secrets over real sockets")
struct ViessmannCanaryTests {
    @Test("sign-in, reads, a write, a refresh and refused calls: no secret in logs, errors or dumps")
    func canaries() async throws {
        try await withSandbox { sandbox in
            let logs = LogCapture()
            var logger = logs.logger
            logger.logLevel = .trace
            let callback = try ViessmannSandbox.callbackServer()
            defer { callback.stop() }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("vi-canary-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            let client = try ViessmannClient(
                configuration: ViessmannClient.Configuration(
                    clientID: sandbox.viessmann.settings.clientID, redirectURI: callback.baseURL.absoluteString + "/",
                    tokens: .file(file), apiBaseURL: sandbox.viessmannAPIURL, iamBaseURL: sandbox.viessmannIAMURL),
                logger: logger)
            var texts: [String] = []
            func note(_ error: (any Error)?) {
                guard let error else { return }
                var dumped = ""
                dump(error, to: &dumped)
                texts += [String(describing: error), String(reflecting: error), dumped]
            }
            try await ViessmannSandbox.signIn(client, callback: callback)
            let gateway = try #require(try await client.gateways().first)
            var device = try #require(
                try await client.devices(
                    installationID: gateway.installationID, gatewaySerial: gateway.serial, includeFeatures: true
                ).first)
            device = try await client.setFeature("heating.dhw.temperature.main", to: 52, on: device).device
            sandbox.viessmann.expireAccessTokens()
            _ = try await client.updateDevice(device)
            sandbox.faults.inject(.status(401).forever(), on: .viessmann(.installations))
            note(await thrownError { try await client.installations() })
            sandbox.faults.clear()
            note(await thrownError { try await client.feature(named: "heating.nothing", of: device) })
            var dumped = ""
            dump(client, to: &dumped)
            texts.append(dumped)

            let stored = try JSONValue(jsonData: Data(contentsOf: file))
            var secrets = [stored["access_token"]?.stringValue, stored["refresh_token"]?.stringValue].compactMap { $0 }
            for request in sandbox.requests(for: .viessmann(.token)) {
                let form = FormEncoding.decode(String(decoding: request.body, as: UTF8.self))
                secrets += form.filter { ["code", "code_verifier", "refresh_token"].contains($0.0) }.map(\.1)
            }
            if let authorize = sandbox.requests(for: .viessmann(.authorize)).first {
                secrets += FormEncoding.decode(authorize.query ?? "").filter { $0.0 == "state" }.map(\.1)
            }
            #expect(secrets.count >= 5)
            #expect(logs.count > 0)
            let visible = ([logs.text] + texts).joined(separator: "\n")
            for secret in secrets where secret.count >= 8 {
                #expect(!visible.contains(secret), "a secret of \(secret.count) characters leaked")
            }
        }
    }
}
