import AuthCore
import Foundation
import Testing
import UtecKit
import VendorSandbox

/// The fault matrix's UtecKit cell: sign in, inject the fault on `/action`, discover; then check
/// the token survived (no new token unless the fault was a 401) and the next call works.
enum UtecFaultCell {
    static func run(_ cell: MatrixCell, _ sandbox: VendorSandbox) async throws -> ((any Error)?, Int) {
        let time = FastTimeSource()
        let oauth = try UtecSandbox.oauth(sandbox, over: cell.transport, time: time)
        let tokens = oauth.tokenManager(initialToken: try await UtecSandbox.signIn(oauth, sandbox))
        let configuration = UtecClient.Configuration(
            baseURL: sandbox.utecBaseURL, authorization: .tokens(tokens), timeout: FaultMatrix.attemptLimit,
            timeSource: time, random: .seeded(7))
        let client = try UtecClient(configuration: configuration, transport: cell.transport.transport)
        sandbox.faults.inject(cell.fault, on: cell.target.route)
        let error = await thrownError { try await client.discoverDevices() }
        let attempts = sandbox.requestCount(for: cell.target.route)
        sandbox.faults.clear()
        let found = try await client.discoverDevices()
        #expect(found.devices.count == 3)
        let expectedTokens = cell.fault.description.hasPrefix("401") ? 2 : 1
        #expect(sandbox.requestCount(for: .utec(.token)) == expectedTokens, "no lost token")
        return (error, attempts)
    }
}
