import AuthCore
import FlowerhubKit
import Foundation
import Synchronization
import Testing
import VendorSandbox

@Suite("Flowerhub end to end over real sockets")
struct FlowerhubFlowTests {
    @Test(
        "login sets the session cookies and the owner id; every read answers the fixture's data",
        arguments: SandboxTransport.allCases)
    func loginAndEveryRead(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.flowerhub(sandbox, over: transport)
            let login = try await client.login(
                username: sandbox.flowerhub.settings.username, password: Secret(sandbox.flowerhub.settings.password))
            #expect(login.user?.assetOwnerId == sandbox.flowerhub.assetOwnerId)
            #expect(await client.assetOwnerId == sandbox.flowerhub.assetOwnerId)
            #expect(Set(client.cookieJar.cookieNames) == ["Authentication", "Refresh"])

            let assetId = try await client.fetchAssetId()
            #expect(assetId == sandbox.flowerhub.assetId)
            let asset = try await client.fetchAsset()
            #expect(asset.flowerhubStatus.status == "Connected")
            #expect(try await client.fetchSystemNotification() == nil)
            #expect(try await client.fetchElectricityAgreement().consumption?.siteId == 7_300_412)
            #expect(try await client.fetchInvoices().count == 2)
            #expect(try await client.fetchConsumption().count == 3)
            #expect(try await client.fetchAssetOwnerProfile().id == sandbox.flowerhub.assetOwnerId)
            #expect(try await client.fetchAssetOwner().id == sandbox.flowerhub.assetOwnerId)
            #expect(try await client.fetchRevenue().id == 1207)
            #expect(try await client.fetchAvailableUptimeMonths().count == 3)
            #expect(!(try await client.fetchUptimeHistory()).isEmpty)
            let pie = try await client.fetchUptimePie(period: "2026-03")
            #expect(pie.uptimeRatioActual == 96.0)
            let readout = try await client.readoutSequence()
            #expect(readout.assetId == sandbox.flowerhub.assetId)

            // The login request carried the JSON body and the portal's Origin; later calls carry the cookie.
            let loginRequest = try #require(sandbox.requests(for: .flowerhub(.login)).first)
            #expect(loginRequest.header("Origin") == "https://portal.flowerhub.se")
            #expect(loginRequest.header("Content-Type")?.hasPrefix("application/json") == true)
            let pieRequest = try #require(sandbox.requests(for: .flowerhub(.uptimePie)).first)
            #expect(pieRequest.queryValue("period") == "2026-03")
            #expect(pieRequest.header("Cookie")?.contains("Authentication=") == true)
            #expect(sandbox.requests(for: .vendor(.flowerhub)).allSatisfy { $0.status == 200 })
            // Every route FlowerhubKit calls was reached.
            for route in SandboxRoute.Flowerhub.allCases where route != .refresh {
                #expect(sandbox.requestCount(for: .flowerhub(route)) >= 1, "\(route) was not called")
            }
        }
    }

    @Test(
        "a wrong password is an empty 401: authenticationFailed, the handler called once, no refresh",
        arguments: SandboxTransport.allCases)
    func wrongPassword(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.flowerhub(sandbox, over: transport)
            let calls = Mutex(0)
            await client.setOnAuthFailed { calls.withLock { $0 += 1 } }
            let error = await thrownError {
                try await client.login(username: sandbox.flowerhub.settings.username, password: Secret("not-it"))
            }
            let apiError = try #require(error as? APIError)
            #expect(apiError.kind == .authenticationFailed)
            #expect(apiError.status == 401)
            #expect(calls.withLock { $0 } == 1)
            #expect(sandbox.requestCount(for: .flowerhub(.refresh)) == 0)
        }
    }

    @Test(
        "an expired Authentication cookie mid-session: 401, one refresh with rotation, the call retried",
        arguments: SandboxTransport.allCases)
    func expiryAndRefreshMidSession(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.flowerhub(sandbox, over: transport)
            try await SandboxClients.login(client, sandbox)
            _ = try await client.fetchAsset(assetId: sandbox.flowerhub.assetId)

            // The session cookie outlives nothing on the sandbox's clock: no one waits.
            sandbox.clock.advance(by: sandbox.flowerhub.settings.authenticationLifetime + .seconds(1))
            let asset = try await client.fetchAsset(assetId: sandbox.flowerhub.assetId)
            #expect(asset.flowerhubStatus.status == "Connected")

            let assets = sandbox.requests(for: .flowerhub(.asset))
            #expect(assets.map(\.status) == [200, 401, 200])
            #expect(assets[1].bodyText.isEmpty)
            let refreshes = sandbox.requests(for: .flowerhub(.refresh))
            #expect(refreshes.map(\.status) == [200])
            // The retried call carries the new cookie, and the old refresh cookie was retired.
            #expect(assets[1].header("Cookie") != assets[2].header("Cookie"))
            let oldRefresh = try #require(Self.cookie("Refresh", in: refreshes[0].header("Cookie")))
            #expect(try await Self.statusOfRefresh(with: oldRefresh, sandbox) == 401)
            #expect(sandbox.requestCount(for: .flowerhub(.login)) == 1)
        }
    }

    @Test(
        "both cookies expired: the refresh is refused, the error asks for a new login, and a new login works",
        arguments: SandboxTransport.allCases)
    func refreshExpired(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.flowerhub(sandbox, over: transport)
            try await SandboxClients.login(client, sandbox)
            let calls = Mutex(0)
            await client.setOnAuthFailed { calls.withLock { $0 += 1 } }
            sandbox.clock.advance(by: sandbox.flowerhub.settings.refreshLifetime + .seconds(1))
            let error = await thrownError { try await client.fetchAsset(assetId: sandbox.flowerhub.assetId) }
            let apiError = try #require(error as? APIError)
            #expect(apiError.requiresReauthentication)
            #expect(calls.withLock { $0 } == 1)
            #expect(sandbox.requests(for: .flowerhub(.refresh)).map(\.status) == [401])

            try await SandboxClients.login(client, sandbox)
            #expect(
                try await client.fetchAsset(assetId: sandbox.flowerhub.assetId).flowerhubStatus.status == "Connected")
        }
    }

    @Test("polling reports each status change the portal makes, until stopped", arguments: SandboxTransport.allCases)
    func polling(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let time = FastTimeSource()
            let client = try SandboxClients.flowerhub(sandbox, over: transport, time: time)
            try await SandboxClients.login(client, sandbox)
            var seen: [String] = []
            for try await event in try await client.periodicAssetStatus(interval: .seconds(5), runImmediately: true) {
                guard case .update(let status) = event else { continue }
                seen.append(status.status ?? "-")
                if seen.count == 2 { sandbox.flowerhub.setStatus("Disconnected", message: "InverterDongleNotFound") }
                if seen.count == 4 { break }
            }
            await client.stopPeriodicAssetFetch()
            #expect(seen.prefix(2) == ["Connected", "Connected"])
            #expect(seen.last == "Disconnected")
            #expect(time.sleeps.allSatisfy { $0 == .seconds(5) })
            #expect(sandbox.requestCount(for: .flowerhub(.withAssetId)) == 1)
            #expect(sandbox.requestCount(for: .flowerhub(.asset)) >= 4)
        }
    }

    @Test("the password travels only in the login body: never in a URL, a header, or to another route")
    func passwordOnlyInLoginBody() async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.flowerhub(sandbox)
            try await SandboxClients.login(client, sandbox)
            _ = try await client.readoutSequence()
            let password = sandbox.flowerhub.settings.password
            #expect(!sandbox.sightings(of: password, in: .body, on: .flowerhub(.login)).isEmpty)
            try sandbox.assertNoSecret(password, in: [.url, .headers], label: "password")
            for route in SandboxRoute.Flowerhub.allCases where route != .login {
                try sandbox.assertNoSecret(password, on: .flowerhub(route), label: "password")
            }
        }
    }

    static func cookie(_ name: String, in header: String?) -> String? {
        header?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// The status of a refresh sent by hand with `cookie` (URLSession with no cookie store).
    static func statusOfRefresh(with cookie: String, _ sandbox: VendorSandbox) async throws -> Int {
        let url = sandbox.flowerhubBaseURL.appendingPathComponent("auth/refresh-token")
        return try await RawHTTP.send(.get, url, headers: [.cookie: "Refresh=\(cookie)"]).status
    }
}
