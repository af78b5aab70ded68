import AuthCore
import FlowerhubKit
import Foundation
import VendorSandbox

/// Flowerhub's demo: sign in, the battery's status, invoices, an expired session renewed
/// mid-run and a 503 retried.
struct DemoFlowerhub: DemoSection {
    let name = "flowerhub"
    let title = "Flowerhub battery portal"

    func baseURL(of sandbox: VendorSandbox) -> String { sandbox.flowerhubBaseURL.absoluteString }

    func run(on sandbox: VendorSandbox, transport: any HTTPTransport, log: DemoLog) async throws {
        let time = DemoTimeSource()
        var configuration = FlowerhubClient.Configuration(baseURL: sandbox.flowerhubBaseURL)
        configuration.timeSource = time
        // The portal's linear backoff starts at 1 s: capped so the demo's retry takes a moment.
        configuration.backoffCap = .milliseconds(100)
        configuration.requestTimeout = .seconds(10)
        let client = try FlowerhubClient(configuration: configuration, transport: transport)
        do {
            try await steps(client, time: time, sandbox: sandbox, log: log)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
    }

    private func steps(_ client: FlowerhubClient, time: DemoTimeSource, sandbox: VendorSandbox, log: DemoLog)
        async throws
    {
        let account = sandbox.flowerhub.settings

        try await log.step("sign in") {
            let answer = try await client.login(username: account.username, password: Secret(account.password))
            let owner = answer.user?.assetOwnerId.map(String.init) ?? "-"
            let cookies = client.cookieJar.cookieNames.sorted().joined(separator: " + ")
            return .ok("signed in as \(account.username) (asset owner \(owner)); session cookies \(cookies) kept")
        }
        try await log.step("asset status") {
            let assetId = try await client.fetchAssetId()
            let fetch = try await client.fetchAsset(assetId: assetId)
            let status = fetch.flowerhubStatus
            let message = status.message.map { " (\($0))" } ?? ""
            return .ok("asset \(assetId.map(String.init) ?? "-"): \(status.status ?? "unknown")\(message)")
        }
        try await log.step("invoices") {
            let invoices = try await client.fetchInvoices()
            let latest = invoices.first.map { invoice in
                let period = invoice.invoicePeriod ?? invoice.invoicedMonth ?? invoice.id
                let amount = invoice.totalAmount.map { ", \($0) SEK" } ?? ""
                return "; latest \(period)\(amount), \(invoice.invoiceStatus ?? "status unknown")"
            }
            return .ok(DemoText.plural(invoices.count, "invoice") + (latest ?? ""))
        }
        try await log.step("session expiry") {
            let refreshes = sandbox.requestCount(for: .flowerhub(.refresh))
            let jump = account.authenticationLifetime + .seconds(1)
            sandbox.clock.advance(by: jump)
            let fetch = try await client.fetchAsset()
            let renewed = sandbox.requestCount(for: .flowerhub(.refresh)) - refreshes
            return .refreshed(
                "clock +\(DemoText.span(jump)): session expired → "
                    + "refreshed (\(DemoText.plural(renewed, "refresh request"))) "
                    + "→ retried → \(fetch.flowerhubStatus.status ?? "ok")")
        }
        try await log.step("portal fault") {
            _ = time.takeWaits()
            let before = sandbox.requestCount(for: .flowerhub(.asset))
            sandbox.faults.inject(.statusSequence([503]), on: .flowerhub(.asset))
            let fetch = try await client.fetchAsset(options: FlowerhubCallOptions(retry5xxAttempts: 1))
            let attempts = sandbox.requestCount(for: .flowerhub(.asset)) - before
            return .retried(
                "503 from the portal → retried \(DemoText.waited(time.takeWaits())) → "
                    + "\(fetch.flowerhubStatus.status ?? "ok") (\(DemoText.plural(attempts, "attempt")))")
        }
    }
}
