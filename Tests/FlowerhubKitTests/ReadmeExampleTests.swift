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
        for _ in 0..<3 { transport.enqueue(fh("error-500.html", 500), path: "/asset-owner/40123/invoice") }
        transport.enqueue(fh("error-404.json", 404), path: "/asset-owner/40123/profile")
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

        // README: the error-returning form (three 500s: the first try and two retries).
        let invoices = try await client.fetchInvoicesResult(
            options: FlowerhubCallOptions(retry5xxAttempts: 2, timeout: .seconds(30)))
        if let error = invoices.error {
            printed.append("invoices failed (\(invoices.statusCode)): \(error)")
        }

        // README: typed errors, here the portal's own error body.
        do {
            _ = try await client.fetchAssetOwnerProfile()
            Issue.record("the profile call succeeded")
        } catch let error as APIError {
            printed.append("\(error.vendorError(as: FlowerhubPortalError.self)?.messages ?? []) \(error.isTransient)")
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
        #expect(printed.dropFirst(2).first?.hasPrefix("invoices failed (500): APIError.server") == true)
        #expect(printed.last == #"["Not Found"] false"#)
        #expect(invoices.value == nil)
        #expect(statuses == ["Connected"])
        #expect(failures == 1)
        #expect(endedForLogin)
        #expect(needsLogin.count == 1)
        #expect(clock.sleeps.count == 4)
        #expect(clock.sleeps.suffix(2) == [.seconds(60), .seconds(60)])
    }
}

/// The README's FlowerhubKit example, exactly as README.md prints it (inside a function so it
/// compiles against the current API; it is compiled, not run — ``ReadmeExampleTests`` runs the
/// same calls against the scripted transport).
enum ReadmeFlowerhubExample {
    static func example(password: String) async throws {
        let client = try FlowerhubClient()
        await client.setOnAuthFailed { print("Flowerhub: please log in again") }

        // Log in. The asset owner id is discovered from the response.
        try await client.login(username: "kim@example.se", password: Secret(password))

        // Readout: discover the asset id, then fetch the asset and this month's uptime.
        let readout = try await client.readoutSequence()
        if let status = readout.asset?.flowerhubStatus {
            print("\(status.status ?? "-"): \(status.message ?? "")")
        }
        print("Uptime this month:", readout.uptimePie?.uptimeRatioActual ?? 0, "%")

        // Each call also has a `…Result` form that returns HTTP and payload errors instead of throwing.
        let invoices = try await client.fetchInvoicesResult(
            options: FlowerhubCallOptions(retry5xxAttempts: 2, timeout: .seconds(30)))
        if let error = invoices.error { print("invoices failed (\(invoices.statusCode)):", error) }

        // Network failures are APIError (the portal's own error body travels with it);
        // an answer of the wrong shape is FlowerhubError.
        do {
            let profile = try await client.fetchAssetOwnerProfile()
            print(profile.firstName ?? "-", profile.address.city ?? "-")
        } catch let error as APIError {
            print(error.vendorError(as: FlowerhubPortalError.self)?.messages ?? [], error.isTransient)
        } catch let error as FlowerhubError where error.code == .invalidResponse {
            print("unexpected answer:", error.message)
        }

        // Poll the status every minute. A failed tick is reported and polling goes on;
        // a failure that needs a new login ends the loop.
        do {
            for try await event in try await client.periodicAssetStatus(interval: .seconds(60), runImmediately: true) {
                switch event {
                case .update(let status): print(status.status ?? "-", "at", status.updatedAt ?? .now)
                case .failure(let error): print("tick failed:", error)
                }
            }
        } catch let error as APIError where error.requiresReauthentication {
            // Ask the user to log in again.
        }
    }
}
