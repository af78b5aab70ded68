import AuthCore
import BticinoKit
import Foundation
import Testing
import VendorSandbox

@Suite("Fault matrix: BticinoKit", .serialized)
struct BticinoFaultMatrixTests {
    @Test("bticino fault matrix", arguments: BticinoFaultMatrix.rows)
    func row(_ row: BticinoFaultMatrix.Row) async throws {
        try await withSandbox { sandbox in
            let settings = sandbox.bticino.settings
            var configuration = BticinoClient.Configuration(
                credentials: BticinoCredentials(username: settings.username, password: Secret(settings.password)),
                clientID: settings.clientId, clientSecret: Secret(settings.clientSecret),
                baseURL: sandbox.bticinoBaseURL, turnURL: sandbox.bticinoTurnURL, pushURL: sandbox.bticinoPushURL,
                timeSource: FastTimeSource(), random: .seeded(5))
            configuration.timeout = FaultMatrix.attemptLimit
            let client = try BticinoClient(configuration: configuration, transport: row.transport.transport)
            try await client.login()
            sandbox.faults.inject(row.fault, on: .bticino(.homesData))
            let error = await thrownError { try await client.topology() }
            let attempts = sandbox.requestCount(for: .bticino(.homesData))
            sandbox.faults.clear()
            FaultMatrixTests.check(error, against: row.expected)
            #expect(attempts == row.expected.attempts, "requests the faulted route received")
            let topology = try await client.topology()
            #expect(topology.homes.count == 2, "the client still works after the fault")
            let logins = sandbox.requests(for: .bticino(.token)).filter {
                String(decoding: $0.body, as: UTF8.self).contains("grant_type=password")
            }
            #expect(logins.count == 1, "no lost token: one login")
        }
    }
}
