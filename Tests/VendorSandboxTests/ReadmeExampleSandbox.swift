import FlowerhubKit
import Foundation
import OdynKit
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

    @Test("the README's Business Central example runs: a token, a page of customers, an expiry, a cut answer")
    func businessCentral() async throws {
        var settings = VendorSandbox.Configuration()
        settings.businessCentral.customers = 1_500  // generated from a seed: the same on every run
        let sandbox = try await VendorSandbox.start(configuration: settings)
        let entra = sandbox.entra.settings
        let credentials = try EntraClientCredentials(
            tenantId: entra.tenantId, clientId: entra.clientId, clientSecret: Secret(entra.clientSecret),
            authorityHost: sandbox.entraAuthorityURL.absoluteString)
        let client = try OdynClient(
            configuration: OdynClient.Configuration(
                baseURL: sandbox.businessCentralBaseURL.absoluteString, session: .clientCredentials(credentials)))

        let company = sandbox.businessCentral.companyId
        let page = try await client.list(.customers, company: company, query: ODataQuery().top(10).count())
        #expect(page.totalCount == 1_500)

        // An hour later the token has expired: Business Central answers 401, the client gets a new one.
        sandbox.clock.advance(by: .seconds(3_600))
        _ = try await client.list(.items, company: company, query: ODataQuery().top(1))
        #expect(sandbox.requestCount(for: .entra(.token)) == 2)

        // A proxy cuts an answer short: the call fails with a typed error instead of bad data.
        sandbox.faults.inject(.truncatedJSON, on: .businessCentral(.vendors))
        await #expect(throws: APIError.self) { try await client.list(.vendors, company: company) }
        await sandbox.stop()
    }
}
