import AuthCore
import FlowerhubKit
import Foundation
import OdynKit
import Testing
import VendorSandbox

// Serialized: the cells measure time limits (`FaultMatrix.attemptLimit`), which twenty parallel 20 MB
// answers could blur.
@Suite("Fault matrix: every fault against every kit", .serialized)
struct FaultMatrixTests {
    /// The longest description an error may have, whatever body it came with (a 20 MB one included).
    static let maximumDescription = 4_096

    @Test("fault matrix", arguments: FaultMatrix.cells)
    func cell(_ cell: MatrixCell) async throws {
        // An abandoned slow answer need not hold the next cell up: cut it soon after the test.
        var configuration = VendorSandbox.Configuration()
        configuration.shutdownGracePeriod = .milliseconds(200)
        try await withSandbox(configuration) { sandbox in
            let (outcome, attempts): ((any Error)?, Int)
            switch cell.target {
            case .flowerhub: (outcome, attempts) = try await Self.flowerhub(cell, sandbox)
            case .businessCentral, .entra: (outcome, attempts) = try await Self.businessCentral(cell, sandbox)
            }
            Self.check(outcome, against: cell.expected)
            #expect(attempts == cell.expected.attempts, "requests the faulted route received")
        }
    }

    /// Logs in, injects the fault on the asset route, fetches the asset; then checks the session
    /// survived: the next fetch needs no new login.
    static func flowerhub(_ cell: MatrixCell, _ sandbox: VendorSandbox) async throws -> ((any Error)?, Int) {
        let client = try SandboxClients.flowerhub(sandbox, over: cell.transport, timeout: FaultMatrix.attemptLimit)
        try await SandboxClients.login(client, sandbox)
        let options = FlowerhubCallOptions(retry5xxAttempts: 2)
        let assetId = sandbox.flowerhub.assetId
        sandbox.faults.inject(cell.fault, on: cell.target.route)
        let error = await thrownError { try await client.fetchAsset(assetId: assetId, options: options) }
        let attempts = sandbox.requestCount(for: cell.target.route)
        sandbox.faults.clear()
        _ = try await client.fetchAsset(assetId: assetId, options: options)
        #expect(sandbox.requestCount(for: .flowerhub(.login)) == 1, "no lost session: no new login")
        #expect(sandbox.requestCount(for: cell.target.route) == attempts + 1)
        let refreshes = cell.fault.description.hasPrefix("401") ? 1 : 0
        #expect(sandbox.requestCount(for: .flowerhub(.refresh)) == refreshes)
        sandbox.clearRecording()
        _ = try await client.fetchAsset(assetId: assetId, options: options)
        #expect(sandbox.requests().map(\.routeName) == ["asset"])
        return (error, attempts)
    }

    /// Gets a token first (unless the fault is on the token endpoint), injects the fault, lists
    /// customers; then checks the token survived: the next call fetches none.
    static func businessCentral(_ cell: MatrixCell, _ sandbox: VendorSandbox) async throws -> ((any Error)?, Int) {
        let client = try SandboxClients.odyn(
            sandbox, over: cell.transport, retries: 2, timeout: FaultMatrix.attemptLimit)
        let company = sandbox.businessCentral.companyId
        if cell.target == .businessCentral { _ = try await client.companies() }
        sandbox.faults.inject(cell.fault, on: cell.target.route)
        let error = await thrownError {
            try await client.list(.customers, company: company, query: ODataQuery().top(5))
        }
        let attempts = sandbox.requestCount(for: cell.target.route)
        sandbox.faults.clear()
        let tokens = sandbox.requestCount(for: .entra(.token))
        let customers = try await client.list(.customers, company: company, query: ODataQuery().top(5))
        #expect(customers.records.count == 5)
        if cell.target == .businessCentral {
            let expectedTokens = cell.fault.description.hasPrefix("401") ? 2 : 1
            #expect(tokens == expectedTokens, "no lost token: one token fetch (two after a 401)")
        }
        if error == nil {
            #expect(sandbox.requestCount(for: .entra(.token)) == tokens, "the token obtained is reused")
        }
        return (error, attempts)
    }

    static func check(_ outcome: (any Error)?, against expected: MatrixExpectation) {
        guard let failure = expected.failure else {
            #expect(outcome == nil, "expected success, got \(outcome.map { String(describing: $0) } ?? "-")")
            return
        }
        guard let error = outcome as? APIError else {
            Issue.record(
                "expected an APIError of kind \(failure), got \(outcome.map { String(describing: $0) } ?? "success")")
            return
        }
        #expect(error.kind == failure)
        if let status = expected.status { #expect(error.status == status) }
        #expect(String(describing: error).count < maximumDescription, "the description stays short")
        if error.kind != .transport {
            #expect(error.isTransient == [.server, .rateLimited, .timeout].contains(error.kind))
        }
    }
}
