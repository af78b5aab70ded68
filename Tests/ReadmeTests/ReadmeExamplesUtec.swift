import Foundation
import UtecKit

// The README's UtecKit examples, exactly as printed there (the README test compares them). They
// are compiled, not run; the flows they show run in Tests/VendorSandboxTests/Utec/UtecFlowTests.swift.

/// What a web framework hands a webhook handler.
struct ReadmeUtecRequest {
    var method: String
    var authorization: String?
    var body: Data
}

enum ReadmeUtecExamples {
    static func signIn(secretFromKeychain: String, redirectedTo: URL) async throws -> UtecClient {
        let oauth = try UtecOAuth(
            clientID: "<client-id>",
            clientSecret: Secret(secretFromKeychain),
            redirectURI: "https://example.test/utec/callback"
        )
        let pending = oauth.beginAuthorization()  // scope openapi, a fresh random state
        print("open", pending.url)
        // U-Tec redirects to …/callback?authorization_code=…&state=… (or code=…)
        let token = try await pending.complete(callbackURL: redirectedTo)
        let tokens = oauth.tokenManager(initialToken: token)
        let client = try UtecClient(configuration: .init(authorization: .tokens(tokens)))
        return client
    }

    static func unlock(client: UtecClient) async throws {
        let found = try await client.devicesWithState()
        for lock in found.locks {
            print(lock.device.name, lock.lockState ?? .unknown("-"), lock.battery?.description ?? "-")
        }
        if let lock = found.locks.first?.device {
            do {
                let outcome = try await client.unlock(lock)  // ack (deferred seconds), wait, re-query
                print(UtecLock(lock.applying(outcome.state))?.lockState ?? .unknown("-"))
            } catch let error as UtecError where error.code == .deviceError {
                print("the lock reported", error.vendorCode ?? "-")  // e.g. DEVICE_OFFLINE
            } catch let error as APIError where error.requiresReauthentication {
                print("sign in again")  // INVALID_TOKEN even after one refresh
            }
        }
        if let lamp = found.lights.first?.device {
            _ = try await client.turnOn(lamp, brightness: 60, colorTemperature: 3000)  // range-checked
        }
    }

    static func webhook(
        client: UtecClient, request: ReadmeUtecRequest, devices initial: [UtecDevice],
        reply: (Int, Data) -> Void
    ) async throws -> [UtecDevice] {
        func respond(status: Int, body: Data) { reply(status, body) }
        var devices = initial
        let secret = UtecWebhookReceiver.makeSecret()
        try await client.registerWebhook(url: URL(string: "https://example.test/utec/hook")!, secret: secret)
        let receiver = UtecWebhookReceiver(secret: secret)
        let answer = receiver.handle(method: request.method, authorization: request.authorization, body: request.body)
        if let notification = answer.notification {
            devices = notification.apply(to: devices)  // DeviceState merged, DeviceSync added, DeviceDelete removed
        }
        respond(status: answer.status, body: answer.body)
        return devices
    }
}
