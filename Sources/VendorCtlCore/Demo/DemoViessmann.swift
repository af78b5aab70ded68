import AuthCore
import Foundation
import VendorSandbox
import ViessmannKit

/// Viessmann's demo: PKCE sign-in through a loopback redirect, the devices, setting the heating
/// curve and reading it back, an expired token refreshed mid-run and a 503 retried.
struct DemoViessmann: DemoSection {
    let name = "viessmann"
    let title = "Viessmann heating (IoT API)"

    func baseURL(of sandbox: VendorSandbox) -> String { sandbox.viessmannAPIURL.absoluteString }

    func run(on sandbox: VendorSandbox, transport: any HTTPTransport, log: DemoLog) async throws {
        let receiver = try LoopbackRedirectReceiver(callbackPath: "/callback")
        defer { receiver.stop() }
        let time = DemoTimeSource()
        let configuration = ViessmannClient.Configuration(
            clientID: sandbox.viessmann.settings.clientID, redirectURI: receiver.redirectURI.absoluteString,
            apiBaseURL: sandbox.viessmannAPIURL, iamBaseURL: sandbox.viessmannIAMURL, timeout: .seconds(10),
            retryPolicy: try APIRetryPolicy(maxAttempts: 2, backoff: .linear(step: .milliseconds(50))),
            timeSource: time)
        let client = try ViessmannClient(configuration: configuration, transport: transport)
        let curve = "heating.circuits.0.heating.curve"

        try await log.step("sign in") {
            try await ViessmannSignIn.run(
                client: client, receiver: receiver, timeout: .seconds(30), transport: transport,
                fetchAuthorizationURL: true, show: { _ in })
            return .ok(
                "PKCE (S256) sign-in, redirect captured on \(receiver.redirectURI.host ?? "127.0.0.1"); tokens kept")
        }
        var device = try await discover(client, log: log)
        try await log.step("heating curve") {
            let slope = device.feature(named: curve + ".slope")?.value.doubleValue ?? 0
            let shift = device.feature(named: curve + ".shift")?.value.doubleValue ?? 0
            let target = slope >= 3.4 ? 1.4 : ((slope * 10).rounded() + 1) / 10
            let result = try await client.setFeature(curve + ".slope", to: .number(JSONNumber(target)!), on: device)
            let reread = try await client.updateDevice(result.device)
            device = reread
            let now = reread.feature(named: curve + ".slope")?.value.doubleValue ?? 0
            return .ok("slope \(slope) → \(target) (shift \(shift) sent alongside); read back: \(now)")
        }
        try await log.step("validation") {
            do {
                _ = try await client.setFeature(curve + ".slope", to: 5.0, on: device)
                return .ok("slope 5.0 was accepted")
            } catch let error as ViessmannError {
                return .handled(
                    "slope 5.0 refused before sending: \(error.parameter ?? "-") \(error.rule?.description ?? "-")")
            }
        }
        try await log.step("token expiry") {
            let before = sandbox.requestCount(for: .viessmann(.token))
            sandbox.viessmann.expireAccessTokens()
            let gateways = try await client.gateways()
            let refreshed = sandbox.requestCount(for: .viessmann(.token)) - before
            return .refreshed(
                "access token expired → 401 → refreshed (\(DemoText.plural(refreshed, "token request"))) → "
                    + "retried → \(DemoText.plural(gateways.count, "gateway"))")
        }
        try await log.step("API fault") {
            _ = time.takeWaits()
            let before = sandbox.requestCount(for: .viessmann(.installations))
            sandbox.faults.inject(.statusSequence([503]), on: .viessmann(.installations))
            let installations = try await client.installations()
            let attempts = sandbox.requestCount(for: .viessmann(.installations)) - before
            return .retried(
                "503 from the API → retried \(DemoText.waited(time.takeWaits())) → "
                    + "\(DemoText.plural(installations.count, "installation")) (\(DemoText.plural(attempts, "attempt")))"
            )
        }
    }

    private func discover(_ client: ViessmannClient, log: DemoLog) async throws -> ViessmannDevice {
        var found: ViessmannDevice?
        try await log.step("devices") {
            guard let gateway = try await client.gateways().first else { return .handled("no gateway") }
            let devices = try await client.devices(
                installationID: gateway.installationID, gatewaySerial: gateway.serial, includeFeatures: true)
            found = devices.first { $0.id == "0" } ?? devices.first
            let names = devices.map { "\($0.id) \($0.modelID)" }.joined(separator: ", ")
            let count = found?.features.count ?? 0
            return .ok("gateway \(gateway.serial): \(names); \(DemoText.plural(count, "feature")) on device 0")
        }
        guard let found else { throw CommandFailure(.server, "the sandbox has no Viessmann device") }
        return found
    }
}
