import AuthCore
import Foundation
import OdynKit
import VendorSandbox

/// Business Central's demo: a client-credentials token, companies, a filtered query with a count,
/// paging over every customer, a PATCH with its ETag and a stale one, an expired token renewed
/// mid-run and a 429 retried.
struct DemoBusinessCentral: DemoSection {
    let name = "bc"
    let title = "Business Central (with Entra ID)"

    /// The page size the paging step asks for (`Prefer: odata.maxpagesize`).
    static let pageSize = 100

    func baseURL(of sandbox: VendorSandbox) -> String { sandbox.businessCentralBaseURL.absoluteString }

    func run(on sandbox: VendorSandbox, transport: any HTTPTransport, log: DemoLog) async throws {
        let time = DemoTimeSource()
        let entra = sandbox.entra.settings
        let credentials = try EntraClientCredentials(
            tenantId: entra.tenantId, clientId: entra.clientId, clientSecret: Secret(entra.clientSecret),
            authorityHost: sandbox.entraAuthorityURL.absoluteString)
        var configuration = OdynClient.Configuration(
            baseURL: sandbox.businessCentralBaseURL.absoluteString, session: .clientCredentials(credentials))
        // Odyn's backoff starts at 2 s: a tenth of that keeps the demo's retry short.
        configuration.retry = try OdynRetrySettings(retries: 2, backoffFactor: 0.1)
        configuration.timeout = .seconds(10)
        configuration.timeSource = time
        let client = try OdynClient(configuration: configuration, transport: transport)
        try await reads(client, sandbox: sandbox, log: log)
        try await writes(client, sandbox: sandbox, log: log)
        try await renewals(client, time: time, sandbox: sandbox, log: log)
    }

    private func reads(_ client: OdynClient, sandbox: VendorSandbox, log: DemoLog) async throws {
        let company = sandbox.businessCentral.companyId
        var companyName = ""
        try await log.step("sign in") {
            let companies = try await client.companies()
            companyName = companies.first?.name ?? ""
            let tokens = sandbox.requestCount(for: .entra(.token))
            return .ok(
                "client credentials for app \(sandbox.entra.settings.clientId.prefix(8))… → access token "
                    + "from Entra ID (\(DemoText.plural(tokens, "token request"))); "
                    + (companies.count == 1 ? "1 company" : "\(companies.count) companies"))
        }
        try await log.step("company") {
            let found = try await client.company(named: companyName)
            return .ok("'\(companyName)' found by name → id \(found?.id ?? "-")")
        }
        try await log.step("filtered query") {
            let query = ODataQuery().filter(.field("currencyCode").eq(.string("SEK"))).top(3).count()
            let page = try await client.list(.customers, company: company, query: query)
            let names = page.records.compactMap(\.displayName).joined(separator: ", ")
            return .ok(
                "currencyCode eq 'SEK': \(DemoText.count(page.totalCount ?? 0)) customers; first 3: \(names)")
        }
        try await log.step("paging") {
            let all = try await client.list(
                .customers, company: company, pagination: ODataPagination(maxPageSize: Self.pageSize))
            return .ok(
                "\(DemoText.count(all.records.count)) customers in \(DemoText.plural(all.pageCount, "page")) "
                    + "of up to \(Self.pageSize)")
        }
    }

    private func writes(_ client: OdynClient, sandbox: VendorSandbox, log: DemoLog) async throws {
        let company = sandbox.businessCentral.companyId
        var item = BCItem()
        var firstETag: ODataETag?
        try await log.step("update item") {
            let first = try await client.list(.items, company: company, query: ODataQuery().top(1))
            guard let read = first.records.first, let id = read.id else {
                throw CommandFailure(.server, "the sandbox has no items")
            }
            let name = (read.displayName ?? "item") + " (demo)"
            item = try await client.update(
                .items, id: id, etag: read.etag, changes: BCItem(displayName: name), company: company)
            firstETag = read.etag
            return .ok("PATCH item \(read.number ?? id) with If-Match: its ETag → renamed '\(name)', new ETag")
        }
        try await log.step("stale ETag") {
            guard let id = item.id else { throw CommandFailure(.server, "the updated item has no id") }
            do {
                _ = try await client.update(
                    .items, id: id, etag: firstETag, changes: BCItem(unitPrice: 99), company: company)
                throw CommandFailure(.server, "a PATCH with a stale ETag was accepted")
            } catch let error as APIError where error.status == 409 || error.status == 412 {
                let current = try await client.get(.items, id: id, company: company)
                _ = try await client.update(
                    .items, id: id, etag: current.etag, changes: BCItem(unitPrice: 99), company: company)
                return .handled(
                    "PATCH with the old ETag → \(error.status ?? 409) \(error.vendorCode ?? "conflict") → "
                        + "re-read → saved with the current ETag")
            }
        }
    }

    private func renewals(_ client: OdynClient, time: DemoTimeSource, sandbox: VendorSandbox, log: DemoLog)
        async throws
    {
        let company = sandbox.businessCentral.companyId
        try await log.step("token expiry") {
            let tokens = sandbox.requestCount(for: .entra(.token))
            let lifetime = sandbox.entra.settings.tokenLifetime
            let jump = lifetime + .seconds(1)
            sandbox.clock.advance(by: jump)
            _ = try await client.list(.items, company: company, query: ODataQuery().top(1))
            let renewed = sandbox.requestCount(for: .entra(.token)) - tokens
            return .refreshed(
                "clock +\(DemoText.span(jump)): token expired → 401 → new token "
                    + "(\(DemoText.plural(renewed, "token request"))) → retried")
        }
        try await log.step("throttled") {
            _ = time.takeWaits()
            let before = sandbox.requestCount(for: .businessCentral(.customers))
            sandbox.faults.inject(.rateLimited(retryAfterSeconds: 0), on: .businessCentral(.customers))
            let page = try await client.list(.customers, company: company, query: ODataQuery().top(5))
            let attempts = sandbox.requestCount(for: .businessCentral(.customers)) - before
            return .retried(
                "429 Too Many Requests (Retry-After: 0) → retried \(DemoText.waited(time.takeWaits())) → "
                    + "\(DemoText.plural(page.records.count, "customer")) (\(DemoText.plural(attempts, "attempt")))")
        }
    }
}
