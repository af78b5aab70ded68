import AuthCore
import Foundation
import TestSupport
import Testing
import VendorSandbox
import ViessmannKit

@Suite("Viessmann end to end over real sockets")
struct ViessmannFlowTests {
    @Test(
        "sign in with PKCE, discover, read features, set the heating curve and read it back, analytics, events",
        arguments: SandboxTransport.allCases)
    func everyCall(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let callback = try ViessmannSandbox.callbackServer()
            defer { callback.stop() }
            let client = try ViessmannSandbox.client(
                sandbox, over: transport, redirectURI: callback.baseURL.absoluteString + "/callback")
            try await ViessmannSandbox.signIn(client, callback: callback)
            let authorize = try #require(sandbox.requests(for: .viessmann(.authorize)).first)
            #expect(authorize.queryValue("code_challenge_method") == "S256")
            #expect(
                authorize.queryValue("scope")?.replacingOccurrences(of: "+", with: " ") == "IoT User offline_access")
            #expect(authorize.queryValue("state") != nil)

            #expect(try await client.installations().map(\.id) == ["4711", "4712"])
            let gateway = try #require(try await client.gateways().first)
            let devices = try await client.devices(
                installationID: gateway.installationID, gatewaySerial: gateway.serial, includeFeatures: true)
            #expect(devices.map(\.id) == ["0", "gateway"])
            let heating = devices[0]
            let slope = "heating.circuits.0.heating.curve.slope"
            #expect(heating.feature(named: slope)?.value == 1.3)
            #expect(heating.feature(named: "heating.solar") == nil)
            #expect(try await client.feature(named: "heating.circuits.0.heating.curve", of: heating).count == 2)

            let result = try await client.setFeature(slope, to: 1.5, on: heating)
            #expect(result.response.success)
            let command = try #require(sandbox.requests(for: .viessmann(.command)).first)
            #expect(String(decoding: command.body, as: UTF8.self) == #"{"shift":0,"slope":1.5}"#)
            let reread = try await client.updateDevice(heating)
            #expect(reread.feature(named: slope)?.value == 1.5)
            let shifted = try await client.setFeature("heating.circuits.0.heating.curve.shift", to: 3, on: reread)
            #expect(
                try await client.updateDevice(shifted.device).feature(named: "heating.circuits.0.heating.curve.shift")?
                    .value == 3)
            let mode = try await client.setFeature(
                "heating.circuits.0.operating.modes.active", to: "standby", on: reread)
            #expect(
                try await client.updateDevice(mode.device).feature(named: "heating.circuits.0.operating.modes.active")?
                    .value == "standby")
            #expect(sandbox.viessmann.executedCommands == 3)

            let consumption = try await client.consumption(
                of: heating, start: "2025-11-02T00:00:00", end: "2025-11-02T23:59:59")
            #expect(consumption.map(\.value) == [3.1, 12.4, 15.5])
            let first = try await client.eventHistory(installationID: "4711", window: .lastDays(3))
            let next = try #require(first.nextCursor)
            #expect(try await client.eventHistory(installationID: "4711", window: .cursor(next)).nextCursor == nil)
            let refresh = try await client.updateGatewayDevices(devices)
            #expect(refresh.isComplete)
            #expect(refresh.devices[1].features.count == 2)
            for route in SandboxRoute.Viessmann.allCases where route != .token {
                #expect(sandbox.requestCount(for: .viessmann(route)) >= 1, "\(route) was not called")
            }
        }
    }

    @Test("an expired access token is refreshed once and the call goes through; the token file is updated")
    func refreshMidRun() async throws {
        try await withSandbox { sandbox in
            let callback = try ViessmannSandbox.callbackServer()
            defer { callback.stop() }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("vi-e2e-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            let client = try ViessmannSandbox.client(
                sandbox, redirectURI: callback.baseURL.absoluteString + "/", tokens: .file(file))
            try await ViessmannSandbox.signIn(client, callback: callback)
            let before = try Data(contentsOf: file)
            sandbox.viessmann.expireAccessTokens()
            #expect(try await client.gateways().count == 2)
            #expect(sandbox.requestCount(for: .viessmann(.token)) == 2)
            #expect(sandbox.requestCount(for: .viessmann(.gateways)) == 2)
            #expect(try Data(contentsOf: file) != before)
            let reopened = try ViessmannSandbox.client(
                sandbox, redirectURI: callback.baseURL.absoluteString + "/", tokens: .file(file))
            #expect(try await reopened.installations().count == 2)
        }
    }

    @Test("the token endpoint checks the PKCE verifier and uses each code once")
    func verifierChecked() async throws {
        try await withSandbox { sandbox in
            let callback = try ViessmannSandbox.callbackServer()
            defer { callback.stop() }
            let clientID = sandbox.viessmann.settings.clientID
            let redirect = callback.baseURL.absoluteString + "/cb"
            let pkce = PKCE()
            let query = FormEncoding.encode([
                ("client_id", clientID), ("redirect_uri", redirect), ("response_type", "code"),
                ("scope", "IoT User offline_access"), ("state", "s1"), ("code_challenge", pkce.challenge),
                ("code_challenge_method", "S256"),
            ])
            _ = try await RawHTTP.send(
                .get, URL(string: sandbox.viessmannIAMURL.absoluteString + "/authorize?" + query)!)
            let target = try #require(callback.requests.last?.target)
            let items = URLComponents(string: target)?.queryItems ?? []
            let code = try #require(items.first { $0.name == "code" }?.value)
            #expect(items.first { $0.name == "state" }?.value == "s1")
            let token = sandbox.viessmannIAMURL.appendingPathComponent("token")
            func exchange(_ verifier: String) async throws -> RawHTTP.Answer {
                let form = FormEncoding.encode([
                    ("grant_type", "authorization_code"), ("client_id", clientID), ("code", code),
                    ("redirect_uri", redirect), ("code_verifier", verifier),
                ])
                return try await RawHTTP.send(
                    .post, token, headers: [.contentType: "application/x-www-form-urlencoded"], body: Data(form.utf8))
            }
            let wrong = try await exchange(PKCE().verifier.revealed)
            #expect(wrong.status == 400)
            #expect(wrong.text.contains("invalid_grant"))
            let reused = try await exchange(pkce.verifier.revealed)
            #expect(reused.status == 400, "a code is gone after one attempt")
            let plain = try await RawHTTP.send(
                .get,
                URL(
                    string: sandbox.viessmannIAMURL.absoluteString + "/authorize?"
                        + query.replacingOccurrences(of: "S256", with: "plain"))!)
            #expect(plain.status == 400)
        }
    }

    @Test("429 with and without Retry-After: rateLimited with Viessmann's body, one attempt, no retry")
    func rateLimits() async throws {
        try await withSandbox { sandbox in
            let callback = try ViessmannSandbox.callbackServer()
            defer { callback.stop() }
            let client = try ViessmannSandbox.client(sandbox, redirectURI: callback.baseURL.absoluteString + "/")
            try await ViessmannSandbox.signIn(client, callback: callback)
            sandbox.faults.inject(.rateLimited(retryAfterSeconds: 30), on: .viessmann(.gateways))
            let with = try #require(await thrownError { try await client.gateways() } as? APIError)
            #expect(with.kind == .rateLimited)
            #expect(with.retryAfter == .seconds(30))
            #expect(with.vendorError(as: ViessmannServiceError.self)?.limitReset != nil)
            sandbox.faults.inject(.status(429), on: .viessmann(.gateways))
            let without = try #require(await thrownError { try await client.gateways() } as? APIError)
            #expect(without.kind == .rateLimited)
            #expect(without.retryAfter == nil)
            #expect(without.vendorCode == "RATE_LIMIT_EXCEEDED")
            #expect(sandbox.requestCount(for: .viessmann(.gateways)) == 2)
        }
    }
}
