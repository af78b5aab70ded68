import AuthCore
import FlowerhubKit
import Foundation
import TestSupport
import Testing

/// The README's example, run against the scripted transport (no `@testable`: public API only).
@Suite("README example")
struct ReadmeExampleTests {
    @Test("login, readout, a non-throwing fetch and a polling loop")
    func readmeFlow() async throws {
        let transport = MockTransport()
        let clock = TestClock(mode: .immediate)
        transport.enqueue(
            fh("login.json", headers: setCookies("Authentication=a; Secure", "Refresh=r; Secure")), path: "/auth/login")
        transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        transport.enqueue(fh("asset.json"), path: "/asset/880045")
        transport.enqueue(fh("uptime-pie.json"), path: "/asset-effective-uptime/pie-chart/880045")
        transport.enqueue(fh("error-500.html", 500), path: "/asset-owner/40123/invoice")
        transport.enqueue(fh("asset.json"), path: "/asset/880045")
        transport.enqueue(fh("error-500.html", 500), path: "/asset/880045")
        transport.enqueue(fh("error-401.json", 401), path: "/asset/880045")
        transport.enqueue(fh("error-401.json", 401), path: "/auth/refresh-token")
        let needsLogin = Recorder<Int>()
        let password = "from-the-keychain"

        let client = try FlowerhubClient(
            transport: transport, timeSource: clock, onAuthFailed: { needsLogin.append(1) })
        try await client.login(username: "kim@example.se", password: Secret(password))
        let readout = try await client.readoutSequence()
        #expect(readout.asset?.flowerhubStatus?.status == "Connected")
        #expect(readout.uptimePie?.uptimeRatioActual == 96)

        let invoices = try await client.fetchInvoices(options: .returningErrors)
        #expect(invoices.statusCode == 500)
        #expect(invoices.error != nil)

        var statuses: [String] = []
        var failures = 0
        var endedForLogin = false
        do {
            for try await event in try await client.periodicAssetStatus(interval: .seconds(60), runImmediately: true) {
                switch event {
                case .update(let status): statuses.append(status.status ?? "-")
                case .failure: failures += 1
                }
            }
        } catch let error as APIError where error.requiresReauthentication {
            endedForLogin = true
        }
        #expect(statuses == ["Connected"])
        #expect(failures == 1)
        #expect(endedForLogin)
        #expect(needsLogin.count == 1)
        #expect(clock.sleeps == [.seconds(60), .seconds(60)])
    }
}
