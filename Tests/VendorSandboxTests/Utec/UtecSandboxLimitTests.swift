import AuthCore
import Foundation
import TestSupport
import Testing
import UtecKit
import VendorSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The U-Tec sandbox under hostile or careless clients: no work before the token check, bounded lists.
@Suite("U-Tec sandbox: token check first, bounded requests and lists")
struct UtecSandboxLimitTests {
    /// Posts a raw action body with `token` and returns the answer as JSON.
    static func post(_ sandbox: VendorSandbox, token: String, _ body: String) async throws -> JSONValue {
        var request = URLRequest(url: sandbox.utecBaseURL.appendingPathComponent("action"))
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONValue(jsonData: data)
    }

    static func query(_ ids: [String]) -> String {
        let devices = ids.map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
        return #"{"header":{"namespace":"Uhome.Device","name":"Query","messageId":"m","payloadVersion":"1"},"#
            + #""payload":{"devices":[\#(devices)]}}"#
    }

    @Test("a request with a bad token neither applies due commands nor posts notifications")
    func noWorkBeforeTokenCheck() async throws {
        try await withSandbox { sandbox in
            let (client, _) = try await UtecSandbox.client(sandbox)
            let secret = UtecWebhookReceiver.makeSecret()
            let hook = try UtecWebhookEndpoint(secret: secret)
            defer { hook.server.stop() }
            try await client.registerWebhook(url: hook.url, secret: secret)
            let lock = try #require(try await client.discoverDevices().devices.first { $0.kind == .lock })
            _ = try await client.send(.unlock, to: lock)
            #expect(sandbox.utec.pendingCommands == 1)
            sandbox.clock.advance(by: .seconds(60))
            let answer = try await Self.post(sandbox, token: "utec-at-forged", Self.query([lock.id]))
            #expect(answer["payload"]?["error"]?["code"] == "INVALID_TOKEN")
            await sandbox.utec.waitForDeliveries()
            #expect(sandbox.utec.pendingCommands == 1, "the forged request did no work")
            #expect(sandbox.utec.webhookDeliveries.isEmpty)
            // An authorised request applies the due command; its notification is posted off the request path.
            _ = try await client.query([lock])
            await sandbox.utec.waitForDeliveries()
            #expect(sandbox.utec.pendingCommands == 0)
            #expect(sandbox.utec.webhookDeliveries == [200])
        }
    }

    @Test("a query naming more devices than the cap is refused")
    func deviceCap() async throws {
        try await withSandbox { sandbox in
            let (client, _) = try await UtecSandbox.client(sandbox)
            let ids = (0...100).map { "0A:1B:2C:3D:\($0)" }
            await #expect(throws: APIError.self) { _ = try await client.query(deviceIDs: ids) }
            #expect(try await client.query(deviceIDs: Array(ids.prefix(100))).states.count <= 100)
        }
    }

    @Test("outstanding authorization codes are bounded: the oldest is forgotten")
    func codeCap() async throws {
        try await withSandbox { sandbox in
            let first = sandbox.utec.issueAuthorizationCode(redirectURI: UtecSandbox.redirect)
            for _ in 0..<1_000 { _ = sandbox.utec.issueAuthorizationCode(redirectURI: UtecSandbox.redirect) }
            let oauth = try UtecSandbox.oauth(sandbox)
            let pending = oauth.beginAuthorization()
            let state =
                URLComponents(url: pending.url, resolvingAgainstBaseURL: false)?.queryItems?
                .first { $0.name == "state" }?.value ?? ""
            var callback = try #require(URLComponents(string: oauth.redirectURI))
            callback.queryItems = [
                URLQueryItem(name: "authorization_code", value: first), URLQueryItem(name: "state", value: state),
            ]
            let url = try #require(callback.url)
            await #expect(throws: (any Error).self) { _ = try await pending.complete(callbackURL: url) }
        }
    }
}
