import AuthCore
import BticinoKit
import Foundation
import VendorSandbox

/// BTicino's demo: sign in, the topology, the home's status, open the door (it relocks itself),
/// a ring arriving over the push websocket, an expired token refreshed mid-run and a 503 retried.
struct DemoBticino: DemoSection {
    let name = "bticino"
    let title = "BTicino intercom (Netatmo cloud)"

    func baseURL(of sandbox: VendorSandbox) -> String { sandbox.bticinoBaseURL.absoluteString }

    func run(on sandbox: VendorSandbox, transport: any HTTPTransport, log: DemoLog) async throws {
        let account = sandbox.bticino.settings
        var configuration = BticinoClient.Configuration(
            credentials: BticinoCredentials(username: account.username, password: Secret(account.password)),
            clientID: account.clientId, clientSecret: Secret(account.clientSecret), baseURL: sandbox.bticinoBaseURL,
            turnURL: sandbox.bticinoTurnURL, pushURL: sandbox.bticinoPushURL, signalingURL: sandbox.bticinoPushURL)
        configuration.timeout = .seconds(10)
        configuration.push.backoff = BticinoBackoff(initial: .milliseconds(50), maximum: .milliseconds(200))
        let client = try BticinoClient(configuration: configuration, transport: transport)
        let home = SandboxBticino.IDs.home
        let lock = SandboxBticino.IDs.lock

        try await log.step("sign in") {
            try await client.login()
            return .ok("signed in as \(account.username) (password grant; token kept for refreshes)")
        }
        try await log.step("topology") {
            let topology = try await client.topology()
            let modules = topology.homes.reduce(0) { $0 + $1.modules.count }
            return .ok(
                "\(DemoText.plural(topology.homes.count, "home")), \(DemoText.plural(modules, "module")) "
                    + "(bridge, external unit, door lock, staircase light)")
        }
        try await log.step("home status") {
            let state = try await client.homeState(homeID: home)
            let reachable = state.modules.filter(\.isReachable).count
            let locked = state.module(lock)?.isLocked == true ? "locked" : "unlocked"
            return .ok("\(reachable)/\(state.modules.count) modules reachable; door \(locked)")
        }
        try await log.step("open the door") {
            try await client.openDoor(homeID: home, moduleID: lock)
            let open = !sandbox.bticino.isLocked
            sandbox.clock.advance(by: account.relockAfter + .seconds(1))
            return .ok("door opened (\(open ? "unlocked" : "?")) → relocked by itself: \(sandbox.bticino.isLocked)")
        }
        try await log.step("ring over the websocket") {
            let stream = client.pushEvents()
            defer { stream.stop() }
            var iterator = stream.makeAsyncIterator()
            guard try await iterator.next() == .subscribed else {
                return .handled("the push socket did not subscribe")
            }
            sandbox.bticino.ring()
            while let update = try await iterator.next() {
                if let event = update.event, event.type == .incomingCall {
                    return .ok(
                        "\(event.pushType) from home \(event.homeName ?? "-"), snapshot \(event.snapshotURL ?? "-")")
                }
            }
            return .handled("the push stream ended before the ring")
        }
        try await log.step("token expiry") {
            let before = sandbox.requestCount(for: .bticino(.token))
            sandbox.bticino.expireTokens()
            _ = try await client.homeStatus(homeID: home)
            let refreshes = sandbox.requestCount(for: .bticino(.token)) - before
            return .refreshed(
                "403 \"Access token expired\" → refreshed (\(DemoText.plural(refreshes, "token request"))) → retried")
        }
        try await log.step("cloud fault") {
            let before = sandbox.requestCount(for: .bticino(.homesData))
            sandbox.faults.inject(.statusSequence([503]), on: .bticino(.homesData))
            _ = try await client.topology()
            let attempts = sandbox.requestCount(for: .bticino(.homesData)) - before
            return .retried("503 from the cloud → retried → ok (\(DemoText.plural(attempts, "attempt")))")
        }
    }
}
