import FlowerhubKit
import Foundation
import Testing
import VendorSandbox

// The README's "Testing your app against VendorSandbox" example, compiled and run.
@Suite("README: testing an app against VendorSandbox")
struct ReadmeExampleSandbox {
    @Test("the README example runs: a login, an expired session, a 503 and a secret check")
    func example() async throws {
        let sandbox = try await VendorSandbox.start()
        var configuration = FlowerhubClient.Configuration()
        configuration.baseURL = sandbox.flowerhubBaseURL
        let client = try FlowerhubClient(configuration: configuration)

        let account = sandbox.flowerhub.settings
        try await client.login(username: account.username, password: Secret(account.password))
        #expect(try await client.fetchAssetId() == sandbox.flowerhub.assetId)
        #expect(try await client.fetchAsset().flowerhubStatus.status == "Connected")

        // Expire the session cookie without waiting: the client refreshes it and retries.
        sandbox.clock.advance(by: .seconds(3_600))
        _ = try await client.fetchAsset()
        #expect(sandbox.requestCount(for: .flowerhub(.refresh)) == 1)

        // Make the portal fail once, the way it does in production.
        sandbox.faults.inject(.status(503), on: .flowerhub(.asset))
        await #expect(throws: APIError.self) { try await client.fetchAsset() }

        // The password went only into the login body.
        try sandbox.assertNoSecret(account.password, in: [.url, .headers], label: "password")
        await sandbox.stop()
    }
}
