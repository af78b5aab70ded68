import FlowerhubKit
import Foundation
import TestSupport
import Testing

/// The README's example, run against the scripted transport. Public API only (no `@testable`),
/// and no `import AuthCore`: what the example names (`Secret`, `APIError`) comes through
/// FlowerhubKit's re-exports.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("login, readout, an error-returning fetch and a polling loop")
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
        var printed: [String] = []

        // README: the client (in an app: `try FlowerhubClient()`, on URLSessionTransport.shared).
        let client = try FlowerhubClient(configuration: .init(timeSource: clock), transport: transport)
        await client.setOnAuthFailed { needsLogin.append(1) }

        // README: log in and read out.
        try await client.login(username: "kim@example.se", password: Secret(password))
        let readout = try await client.readoutSequence()
        if let status = readout.asset?.flowerhubStatus {
            printed.append("\(status.status ?? "-"): \(status.message ?? "")")
        }
        printed.append("uptime this month: \(readout.uptimePie?.uptimeRatioActual ?? 0) %")

        // README: the error-returning form.
        let invoices = try await client.fetchInvoicesResult(options: FlowerhubCallOptions(timeout: .seconds(30)))
        if let error = invoices.error {
            printed.append("invoices failed (\(invoices.statusCode)): \(error)")
        }

        // README: polling.
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

        #expect(printed.first == "Connected: InverterDongleFoundAndComponentsAreRunning")
        #expect(printed.dropFirst().first == "uptime this month: 96.0 %")
        #expect(printed.last?.hasPrefix("invoices failed (500): APIError") == true)
        #expect(invoices.value == nil)
        #expect(statuses == ["Connected"])
        #expect(failures == 1)
        #expect(endedForLogin)
        #expect(needsLogin.count == 1)
        #expect(clock.sleeps == [.seconds(60), .seconds(60)])
    }
}
