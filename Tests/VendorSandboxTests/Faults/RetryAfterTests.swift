import AuthCore
import FlowerhubKit
import OdynKit
import Testing
import VendorSandbox

@Suite("Retry-After from the sandbox, obeyed by both kits")
struct RetryAfterTests {
    // An HTTP date has whole seconds and the sandbox rounds it up, so "3 s ahead" is 3 to 4 s.
    static let forms: [SandboxFault] = [.rateLimited(retryAfterSeconds: 3), .rateLimited(retryAfterDateIn: 3)]

    @Test("Flowerhub waits as long as a 429's Retry-After says, in seconds or as an HTTP date", arguments: forms)
    func flowerhub(_ fault: SandboxFault) async throws {
        try await withSandbox { sandbox in
            let time = FastTimeSource()
            let client = try SandboxClients.flowerhub(sandbox, time: time)
            try await SandboxClients.login(client, sandbox)
            sandbox.faults.inject(fault, on: .flowerhub(.asset))
            _ = try await client.fetchAsset(assetId: sandbox.flowerhub.assetId)
            #expect(time.sleeps.count == 1)
            #expect(time.sleeps.allSatisfy { $0 >= .seconds(2) && $0 <= .seconds(4) })
            #expect(sandbox.requests(for: .flowerhub(.asset)).map(\.status) == [429, 200])
        }
    }

    @Test("OdynKit waits as long as a 429's Retry-After says, in seconds or as an HTTP date", arguments: forms)
    func businessCentral(_ fault: SandboxFault) async throws {
        try await withSandbox { sandbox in
            let time = FastTimeSource()
            let client = try SandboxClients.odyn(sandbox, time: time)
            _ = try await client.companies()
            sandbox.faults.inject(fault, on: .businessCentral(.items))
            _ = try await client.list(.items, company: sandbox.businessCentral.companyId)
            #expect(time.sleeps.count == 1)
            #expect(time.sleeps.allSatisfy { $0 >= .seconds(2) && $0 <= .seconds(4) })
            #expect(sandbox.requests(for: .businessCentral(.items)).map(\.status) == [429, 200])
        }
    }
}
