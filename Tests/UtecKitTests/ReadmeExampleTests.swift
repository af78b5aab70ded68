import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

/// The README's UtecKit flows (compiled in Tests/ReadmeTests/ReadmeExamplesUtec.swift), run here
/// over the mock transport: sign-in, discovery with states, an unlock confirmed by a re-query, a
/// range-checked light command, and a webhook call merged into the devices.
@Suite("README flows")
struct ReadmeExampleTests {
    @Test("sign in, discover with states, unlock, dim a lamp, take a notification")
    func readmeFlow() async throws {
        let transport = MockTransport { request in
            if request.path.hasSuffix("/token") { return UT.fixture("token.json") }
            switch request.jsonBody?["header"]?["name"]?.stringValue {
            case "Discovery": return UT.fixture("discovery.json")
            case "Command": return CommandTests.ack(request)
            case "Set": return UT.fixture("configure-set.json")
            default: return UT.fixture("query.json")
            }
        }
        let clock = TestClock()
        let oauth = try UT.oauth(transport: transport, clock: clock)
        let pending = oauth.beginAuthorization()
        let state =
            URLComponents(url: pending.url, resolvingAgainstBaseURL: false)?.queryItems?
            .first { $0.name == "state" }?.value ?? ""
        let token = try await pending.complete(
            callbackURL: URL(string: "\(UT.redirect)?authorization_code=c-1&state=\(state)")!)
        let client = try UT.client(
            transport: transport, clock: clock, authorization: .tokens(oauth.tokenManager(initialToken: token)))

        let found = try await client.devicesWithState()
        #expect(found.locks.first?.lockState == .locked)
        let lock = try #require(found.locks.first?.device)
        let outcome = try await client.unlock(lock)
        #expect(outcome.acknowledgement.deferredSeconds == 5)
        let lamp = try #require(found.lights.first?.device)
        _ = try await client.turnOn(lamp, brightness: 60, colorTemperature: 3000)
        let commands = UT.actions(transport).compactMap { $0["payload"]?["devices"]?[0]?["command"]?["name"] }
        #expect(commands == ["unlock", "setLevel", "temperature"])

        let secret = UtecWebhookReceiver.makeSecret()
        try await client.registerWebhook(url: URL(string: "https://example.test/utec/hook")!, secret: secret)
        let answer = UtecWebhookReceiver(secret: secret).handle(
            method: "POST", authorization: "Bearer \(secret.revealed)",
            body: try Fixture.data("utec/notification-bare-array.json"))
        #expect(answer.status == 200)
        let devices = try #require(answer.notification).apply(to: found.devices)
        #expect(devices.first { $0.id == lock.id }.flatMap(UtecLock.init)?.lockState == .unlocked)
        #expect(devices.first { $0.id == lock.id }.flatMap(UtecLock.init)?.battery == .high)
    }
}
