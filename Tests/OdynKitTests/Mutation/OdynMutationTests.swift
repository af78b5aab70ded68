import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

/// Every Business Central fixture, mutated, through the call that reads it: a value or a typed
/// error, never a crash, an untyped error or a hang.
@Suite("Business Central fixtures under mutation")
struct OdynMutationTests {
    static func isTyped(_ error: any Error) -> Bool {
        error is OdynError || error is APIError
    }

    static func status(of name: String) -> Int {
        switch name {
        case _ where name.hasPrefix("error-not-found"): return 404
        case _ where name.hasPrefix("error-entity-changed"): return 412
        case _ where name.hasPrefix("error-missing-if-match"): return 428
        case _ where name.hasPrefix("error-throttled"): return 429
        case _ where name.hasPrefix("error-unauthorized"): return 401
        case _ where name.hasPrefix("error-validation"): return 400
        case _ where name.hasPrefix("error-"): return 500
        case _ where name.hasPrefix("token-error"): return 401
        case _ where name.hasPrefix("customer-created"): return 201
        default: return 200
        }
    }

    static func transport(serving body: Data, fixture: String) -> MockTransport {
        let name = String(fixture.split(separator: "/").last ?? "")
        let contentType = name.hasSuffix(".html") ? "text/html" : "application/json"
        let status = status(of: name)
        return MockTransport { _ in .status(status, body: body, headers: [.contentType: contentType]) }
    }

    static func reader(for fixture: String) -> MutationSuite.Reader {
        let name = String(fixture.split(separator: "/").last ?? "")
        return { fixture, body in
            let transport = transport(serving: body, fixture: fixture)
            if name.hasPrefix("token-") {
                let session = OdynSession.clientCredentials(try BC.credentials())
                let client = try BC.client(transport: transport, session: session, retry: BC.retry(retries: 1))
                _ = try await client.companies()
                return
            }
            let client = try BC.client(transport: transport, retry: BC.retry(retries: 1))
            switch name {
            case _ where name.hasPrefix("companies"):
                _ = try await client.companies()
            case _ where name.hasPrefix("item"):
                _ = try await client.get(.items, id: BC.itemID, company: BC.company)
            case _ where name.hasPrefix("sales-order"):
                _ = try await client.get(.salesOrders, id: BC.itemID, company: BC.company)
            case _ where name.hasPrefix("vendors"):
                _ = try await client.list(.vendors, company: BC.company, pagination: ODataPagination(maxPages: 3))
            case _ where name.hasPrefix("customer-created"), _ where name.hasPrefix("customer-create-request"):
                let customer = try JSONDecoder().decode(
                    BCCustomer.self, from: Fixture.data("odyn/customer-created.json"))
                _ = try await client.create(.customers, customer, company: BC.company)
            case _ where name.hasPrefix("batch"):
                _ = try await client.batch([try .get(BC.customers, id: "1")])
            default:
                // Pages, error bodies, malformed bodies and any fixture a later change adds.
                for try await _ in client.records(
                    .customers, company: BC.company, pagination: ODataPagination(maxPages: 3))
                {}
            }
        }
    }

    @Test("every odyn fixture, mutated, ends in a value or a typed error", .timeLimit(.minutes(2)))
    func mutatedFixtures() async throws {
        let paths = Fixture.paths(in: "odyn")
        let report = await MutationSuite.run(paths: paths, isTyped: Self.isTyped, reader: Self.reader(for:))
        #expect(report.mutants > 500)
        #expect(report.values > 0)
        #expect(report.typedErrors > 0)
        let problemCount = report.problems.count
        #expect(problemCount == 0, "first problems:\n\(report.problems.prefix(20).joined(separator: "\n"))")
    }
}
