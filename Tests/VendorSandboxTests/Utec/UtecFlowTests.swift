import AuthCore
import Foundation
import TestSupport
import Testing
import UtecKit
import VendorSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("U-Tec end to end against the sandbox")
struct UtecFlowTests {
    @Test("browser hop: authorize redirects with authorization_code and state; the wrapped token is unwrapped")
    func authorizeRedirect() async throws {
        try await withSandbox { sandbox in
            let callback = try LoopbackHTTPServer { _ in LoopbackResponse(status: 200, body: Data("signed in".utf8)) }
            defer { callback.stop() }
            let redirect = callback.baseURL.appendingPathComponent("utec/callback").absoluteString
            let oauth = try UtecSandbox.oauth(sandbox, redirect: redirect)
            let pending = oauth.beginAuthorization()
            let (_, response) = try await URLSession.shared.data(from: pending.url)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let target = try #require(callback.requests.first?.target)
            #expect(target.contains("authorization_code="))
            let token = try await pending.complete(callbackURL: URL(string: callback.baseURL.absoluteString + target)!)
            #expect(token.scope == "openapi")
            #expect(token.refreshToken != nil)
            #expect(sandbox.requestCount(for: .utec(.token)) == 1)
            let form = sandbox.requests(for: .utec(.token)).first.map { String(decoding: $0.body, as: UTF8.self) } ?? ""
            #expect(form.contains("grant_type=authorization_code"))
        }
    }

    @Test(
        "discover, batch query, unlock (deferred ack, re-query) and receive the notification",
        arguments: SandboxTransport.allCases)
    func unlockAndNotify(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let time = UtecSandboxTime(sandbox.clock)
            let (client, _) = try await UtecSandbox.client(sandbox, over: transport, time: time)
            let secret = UtecWebhookReceiver.makeSecret()
            let hook = try UtecWebhookEndpoint(secret: secret)
            defer { hook.server.stop() }
            try await client.registerWebhook(url: hook.url, secret: secret)
            #expect(sandbox.utec.webhookURL == hook.url)

            var devices = try await client.devicesWithState().devices
            #expect(devices.map(\.kind) == [.lock, .switch, .light])
            let body = sandbox.requests(for: .utec(.action)).last.map { String(decoding: $0.body, as: UTF8.self) } ?? ""
            #expect(body.contains("\"customData\""), "the lock's customData is echoed")
            let lock = try #require(devices.first { $0.kind == .lock })
            #expect(UtecLock(lock)?.isLocked == true)

            let outcome = try await client.unlock(lock)
            #expect(outcome.acknowledgement.deferredSeconds == 20)
            #expect(time.sleeps == [.seconds(20)])
            #expect(outcome.state.value(.lock, "lockState") == "Unlocked")
            #expect(sandbox.utec.value(of: lock.id, "st.lock", "lockState") == "Unlocked")

            await sandbox.utec.waitForDeliveries()
            #expect(sandbox.utec.webhookDeliveries == [200])
            let notification = try #require(hook.responses.first?.notification)
            #expect(notification.operation == .deviceState)
            devices = notification.apply(to: devices)
            let merged = try #require(devices.first { $0.id == lock.id }.flatMap(UtecLock.init))
            #expect(merged.lockState == .unlocked)
            #expect(merged.battery == .high, "the partial notification keeps the battery level")
        }
    }

    @Test("INVALID_TOKEN inside HTTP 200 refreshes once and retries once")
    func invalidToken() async throws {
        try await withSandbox { sandbox in
            let (client, _) = try await UtecSandbox.client(sandbox)
            _ = try await client.discoverDevices()
            sandbox.utec.invalidateAccessTokens()
            let before = sandbox.requestCount(for: .utec(.action))
            let user = try await client.user()
            #expect(user.id == "user-0001")
            #expect(sandbox.requestCount(for: .utec(.token)) == 2)
            #expect(sandbox.requestCount(for: .utec(.action)) == before + 2)
        }
    }

    @Test("a revoked session (logout) and a dead refresh token end in reauthenticationRequired")
    func logout() async throws {
        try await withSandbox { sandbox in
            let (client, tokens) = try await UtecSandbox.client(sandbox)
            try await client.logout()
            let refreshed = try await client.discoverDevices()
            #expect(refreshed.devices.count == 3, "the refresh token still works after logout")
            sandbox.utec.invalidateAccessTokens()
            sandbox.reset()
            let error = await thrownError { try await client.discoverDevices() } as? APIError
            #expect(error?.requiresReauthentication == true)
            #expect(await tokens.currentToken == nil)
        }
    }

    @Test("an offline device: the query reports DEVICE_OFFLINE for it, the others still answer; commands fail typed")
    func offline() async throws {
        try await withSandbox { sandbox in
            let (client, _) = try await UtecSandbox.client(sandbox)
            let devices = try await client.discoverDevices().devices
            let lock = try #require(devices.first { $0.kind == .lock })
            sandbox.utec.setOffline(lock.id, true)
            let result = try await client.query(devices)
            #expect(result.failures.map(\.deviceID) == [lock.id])
            #expect(result.failures.first?.vendorCode == "DEVICE_OFFLINE")
            #expect(result.states.count == 2)
            let error = await thrownError { try await client.lock(lock) } as? UtecError
            #expect(error?.code == .deviceError && error?.isTransient == true)
            sandbox.utec.setOffline(lock.id, false)
            #expect(try await client.state(of: lock).value(.lock, "lockState") == "Locked")
        }
    }

    @Test(
        "the dimmable light: brightness clamps, the level lands after the deferred ack, colour temperature is range-checked"
    )
    func dimmableLight() async throws {
        try await withSandbox { sandbox in
            let (client, _) = try await UtecSandbox.client(sandbox)
            let light = try #require(try await client.discoverDevices().devices.first { $0.kind == .light })
            let outcome = try await client.setBrightness(light, to: 55)
            #expect(outcome.acknowledgement.deferredSeconds == 5)
            #expect(outcome.state.value(.switchLevel, "level") == 55)
            let clamped = try await client.setBrightness(light, to: 400)
            #expect(clamped.state.value(.switchLevel, "level") == 100)
            let before = sandbox.requestCount(for: .utec(.action))
            let refused = await thrownError { try await client.setColorTemperature(light, kelvin: 9000) } as? UtecError
            #expect(refused?.code == .invalidArgument)
            #expect(sandbox.requestCount(for: .utec(.action)) == before)
            let warm = try await client.setColorTemperature(light, kelvin: 2700)
            #expect(warm.state.value(.colorTemperature, "temperature") == 2700)
            let off = try await client.turnOff(light)
            #expect(UtecLight(light.applying(off.state))?.isOn == false)
        }
    }

    @Test("a forged or missing webhook secret is refused with 403/401 over real HTTP")
    func forgedWebhook() async throws {
        let secret = UtecWebhookReceiver.makeSecret()
        let hook = try UtecWebhookEndpoint(secret: secret)
        defer { hook.server.stop() }
        for (header, status) in [("Bearer forged-secret", 403), (nil, 401), ("Bearer \(secret.revealed)", 200)] {
            var request = URLRequest(url: hook.url)
            request.httpMethod = "POST"
            request.httpBody = Data(#"[{"id":"x","states":[]}]"#.utf8)
            if let header { request.setValue(header, forHTTPHeaderField: "Authorization") }
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == status)
        }
    }

    @Test("user info, notification configuration read-back and an unknown pair")
    func otherPairs() async throws {
        try await withSandbox { sandbox in
            let (client, _) = try await UtecSandbox.client(sandbox)
            #expect(try await client.user() == UtecUser(id: "user-0001", firstName: "Test", lastName: "Person"))
            try await client.registerWebhook(url: URL(string: "https://hooks.example.test/utec")!, secret: "s-123")
            let configuration = try await client.notificationConfiguration()
            #expect(configuration["configure"]?["notification"]?["url"] == "https://hooks.example.test/utec")
            let error =
                await thrownError {
                    try await client.perform(
                        UtecActionRequest(operation: UtecOperation(namespace: "Uhome.Device", name: "Nope")))
                } as? APIError
            #expect(error?.vendorCode == "INVALID_DIRECTIVE")
            await sandbox.utec.completePendingCommands()
        }
    }
}
