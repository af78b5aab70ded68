import AuthCore
import Foundation
import Synchronization
import UtecKit
import VendorSandbox

/// U-Tec's demo: OAuth sign-in (wrapped token), discovery with one batched query, a webhook
/// registered on a real loopback listener, a lock unlocked (deferred acknowledgement, then a
/// re-query) and its notification received and merged, a revoked token refreshed after
/// `INVALID_TOKEN`, and an offline device reported on its own.
struct DemoUtec: DemoSection {
    let name = "utec"
    let title = "U-Tec locks, switches and lights"

    func baseURL(of sandbox: VendorSandbox) -> String { sandbox.utecBaseURL.absoluteString }

    func run(on sandbox: VendorSandbox, transport: any HTTPTransport, log: DemoLog) async throws {
        let time = DemoUtecTime(sandbox.clock)
        let settings = sandbox.utec.settings
        let oauth = try UtecOAuth(
            clientID: settings.clientId, clientSecret: Secret(settings.clientSecret),
            redirectURI: "http://127.0.0.1:8765/utec/callback", authorizeURL: sandbox.utecAuthorizeURL,
            tokenURL: sandbox.utecTokenURL, transport: transport, timeSource: time)
        let secret = UtecWebhookReceiver.makeSecret()
        let receiver = UtecWebhookReceiver(secret: secret)
        let inbox = Mutex<[UtecNotification]>([])
        let listener = try await SandboxUtecWebhookListener.start { method, authorization, body in
            let answer = receiver.handle(method: method, authorization: authorization, body: body)
            if let notification = answer.notification { inbox.withLock { $0.append(notification) } }
            return (answer.status, answer.body)
        }
        do {
            try await steps(
                oauth, transport: transport, time: time, sandbox: sandbox, log: log, hook: listener.url,
                secret: secret, received: { inbox.withLock { $0 } })
        } catch {
            await listener.stop()
            throw error
        }
        await listener.stop()
    }

    private func steps(
        _ oauth: UtecOAuth, transport: any HTTPTransport, time: DemoUtecTime, sandbox: VendorSandbox, log: DemoLog,
        hook url: URL, secret: Secret, received: @escaping @Sendable () -> [UtecNotification]
    ) async throws {
        let tokens = Mutex<TokenManager?>(nil)
        try await log.step("sign in") {
            let pending = oauth.beginAuthorization()
            let state =
                URLComponents(url: pending.url, resolvingAgainstBaseURL: false)?.queryItems?
                .first { $0.name == "state" }?.value ?? ""
            // The browser step: the sandbox hands out the code its consent page would send back.
            let code = sandbox.utec.issueAuthorizationCode(redirectURI: oauth.redirectURI)
            let callback = URL(string: "\(oauth.redirectURI)?authorization_code=\(code)&state=\(state)")!
            let token = try await pending.complete(callbackURL: callback)
            tokens.withLock { $0 = oauth.tokenManager(initialToken: token) }
            return .ok("authorization code exchanged; wrapped token unwrapped (scope \(token.scope ?? "-"))")
        }
        guard let manager = tokens.withLock({ $0 }) else { return }
        let client = try UtecClient(
            configuration: UtecClient.Configuration(
                baseURL: sandbox.utecBaseURL, authorization: .tokens(manager), timeSource: time),
            transport: transport)
        let devices = Mutex<[UtecDevice]>([])
        try await log.step("devices") {
            let found = try await client.devicesWithState()
            devices.withLock { $0 = found.devices }
            let names = found.devices.map { "\($0.name) (\(DemoUtecText.summary($0)))" }.joined(separator: ", ")
            return .ok(
                "\(DemoText.plural(found.devices.count, "device")) in one discovery + one batched query: \(names)")
        }
        try await log.step("webhook") {
            try await client.registerWebhook(url: url, secret: secret)
            return .ok("notifications go to \(url.absoluteString), checked against a bearer secret")
        }
        try await log.step("unlock") {
            guard let lock = devices.withLock({ $0.first { $0.kind == .lock } }) else {
                return .handled("the account has no lock")
            }
            let outcome = try await client.unlock(lock)
            let waited = outcome.acknowledgement.deferredSeconds.map { "\($0) s" } ?? "no wait"
            let state = UtecLock(lock.applying(outcome.state))?.lockState?.description ?? "-"
            return .ok("\(lock.name): acknowledged (result after \(waited)) → re-queried → \(state)")
        }
        try await log.step("notification") {
            // The sandbox posts notifications off the request path: wait for the ones under way.
            await sandbox.utec.waitForDeliveries()
            let notifications = received()
            let merged = notifications.reduce(devices.withLock { $0 }) { $1.apply(to: $0) }
            devices.withLock { $0 = merged }
            guard let lock = merged.first(where: { $0.kind == .lock }).flatMap(UtecLock.init) else {
                return .handled("no lock to update")
            }
            return .ok(
                "\(DemoText.plural(notifications.count, "DeviceState notification")) received and merged: "
                    + "\(lock.device.name) \(lock.lockState?.description ?? "-"), battery \(lock.battery?.description ?? "-") kept"
            )
        }
        try await log.step("token revoked") {
            let before = sandbox.requestCount(for: .utec(.token))
            sandbox.utec.invalidateAccessTokens()
            let user = try await client.user()
            let refreshes = sandbox.requestCount(for: .utec(.token)) - before
            return .refreshed(
                "INVALID_TOKEN inside HTTP 200 → refreshed (\(DemoText.plural(refreshes, "token request"))) → "
                    + "retried → user \(user.firstName ?? user.id ?? "-")")
        }
        try await log.step("api fault") {
            let before = sandbox.requestCount(for: .utec(.action))
            sandbox.faults.inject(.statusSequence([503]), on: .utec(.action))
            let found = try await client.discoverDevices()
            let attempts = sandbox.requestCount(for: .utec(.action)) - before
            return .retried(
                "503 from the API → discovery (safe to repeat) retried → "
                    + "\(DemoText.plural(found.devices.count, "device")) (\(DemoText.plural(attempts, "attempt")))")
        }
        try await log.step("offline device") {
            let current = devices.withLock { $0 }
            guard let plug = current.first(where: { $0.kind == .switch }) else { return .handled("no switch") }
            sandbox.utec.setOffline(plug.id, true)
            let result = try await client.query(current)
            sandbox.utec.setOffline(plug.id, false)
            let failure = result.failures.first.map { "\($0.vendorCode ?? "error") for \(plug.name)" } ?? "none"
            return .handled(
                "one batched query: \(failure); \(DemoText.plural(result.states.count, "other device")) answered")
        }
    }
}

/// The demo client's clock on the sandbox's: a command's deferred wait moves the sandbox clock
/// instead of taking real time.
final class DemoUtecTime: TimeSource {
    private let clock: SandboxClock

    init(_ clock: SandboxClock) {
        self.clock = clock
    }

    var now: Date { clock.now }

    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: min(duration, .milliseconds(50)))
        clock.advance(by: duration)
    }
}

/// Text for U-Tec's demo lines.
enum DemoUtecText {
    static func summary(_ device: UtecDevice) -> String {
        UtecReports.summary(device)
    }
}
