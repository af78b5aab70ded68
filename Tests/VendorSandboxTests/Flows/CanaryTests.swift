import AuthCore
import FlowerhubKit
import Foundation
import Logging
import OdynKit
import TestSupport
import Testing
import VendorSandbox

/// Every flow of both kits at trace level, with known canary secrets: none may reach a log line,
/// an error's description or a `dump` of a client or an error, in any spelling; and the sandbox's
/// recording shows each secret went only where it belongs.
@Suite("Canary secrets over real sockets")
struct CanaryTests {
    static let password = "canary-Pw-7Qx&9=+/%\"é"
    static let wrongPassword = "canary-Wrong-Pw-3Kd"
    static let clientSecret = "canary-Secret~5Zr&q=+/%"
    static let wrongSecret = "canary-Wrong-Secret-8Hn"

    @Test("all flows at trace level: no canary, cookie or token in logs, error texts or dumps")
    func canaries() async throws {
        var configuration = VendorSandbox.Configuration()
        configuration.flowerhub.password = Self.password
        configuration.entra.clientSecret = Self.clientSecret
        configuration.businessCentral.customers = 250
        try await withSandbox(configuration) { sandbox in
            let logs = LogCapture()
            var texts: [String] = []
            func note(_ error: (any Error)?) {
                guard let error else { return }
                texts.append(String(describing: error))
                texts.append(String(reflecting: error))
                var dumped = ""
                dump(error, to: &dumped)
                texts.append(dumped)
            }

            // Flowerhub: a refused login, a login, every read, a fault, expiry and refresh, a lost session.
            let flowerhub = try SandboxClients.flowerhub(sandbox, logger: logs.logger)
            let username = sandbox.flowerhub.settings.username
            note(
                await thrownError {
                    try await flowerhub.login(username: username, password: Secret(Self.wrongPassword))
                })
            try await flowerhub.login(username: username, password: Secret(Self.password))
            _ = try await flowerhub.readoutSequence()
            _ = try await flowerhub.fetchInvoices()
            _ = try await flowerhub.fetchAssetOwnerProfile()
            sandbox.faults.inject(.status(503), on: .flowerhub(.consumption))
            note(await thrownError { try await flowerhub.fetchConsumption() })
            sandbox.faults.inject(.truncatedJSON, on: .flowerhub(.revenue))
            note(await thrownError { try await flowerhub.fetchRevenue() })
            sandbox.clock.advance(by: .seconds(1_000))
            _ = try await flowerhub.fetchAsset()
            sandbox.flowerhub.revokeSessions()
            note(await thrownError { try await flowerhub.fetchAsset() })
            var flowerhubDump = ""
            dump(flowerhub, to: &flowerhubDump)
            texts.append(flowerhubDump)

            // Business Central: a refused secret, then token, reads, paging, writes, a conflict,
            // a batch with an inner failure, faults, and an expired token.
            let refused = try SandboxClients.odyn(
                sandbox, credentials: SandboxClients.credentials(sandbox, secret: Self.wrongSecret), logger: logs.logger
            )
            note(await thrownError { try await refused.companies() })
            let client = try SandboxClients.odyn(sandbox, logger: logs.logger)
            let company = sandbox.businessCentral.companyId
            _ = try await client.list(.customers, company: company, pagination: ODataPagination(maxPageSize: 50))
            let itemId = try #require(sandbox.businessCentral.ids(in: "items").first)
            let item = try await client.get(.items, id: itemId, company: company)
            _ = try await client.update(
                .items, id: itemId, etag: item.etag, changes: BCItem(unitPrice: 10), company: company)
            note(
                await thrownError {
                    try await client.update(
                        .items, id: itemId, etag: item.etag, changes: BCItem(unitPrice: 11), company: company)
                })
            let results = try await client.batch([
                try ODataBatchOperation.create(
                    BCPath.entitySet("items", company: company), body: ["type": "Wrong Type"])
            ])
            note(results.first?.error)
            sandbox.faults.inject(.status(401), on: .businessCentral(.vendors))
            sandbox.faults.inject(.htmlErrorPage(status: 502).forever(), on: .businessCentral(.salesOrders))
            _ = try await client.list(.vendors, company: company)
            note(await thrownError { try await client.list(.salesOrders, company: company) })
            sandbox.faults.clear()
            sandbox.clock.advance(by: .seconds(7_200))
            _ = try await client.list(.items, company: company, query: ODataQuery().top(1))
            var odynDump = ""
            dump(client, to: &odynDump)
            texts.append(odynDump)

            #expect(logs.count > 50, "trace logging ran")
            let canaries = [Self.password, Self.wrongPassword, Self.clientSecret, Self.wrongSecret]
            // A canary's first 14 characters are distinctive enough: any part of it is a leak.
            let secrets =
                canaries + canaries.map { String($0.prefix(14)) } + sandbox.flowerhub.issuedSecrets
                + sandbox.entra.issuedTokens
            #expect(sandbox.entra.issuedTokens.count >= 3)
            #expect(sandbox.flowerhub.issuedSecrets.count >= 4)
            let haystacks = [("logs", logs.text)] + texts.map { ("an error or dump", $0) }
            for secret in secrets {
                for spelling in Self.spellings(of: secret) {
                    for (name, text) in haystacks where text.contains(spelling) {
                        Issue.record("a secret (\(secret.prefix(8))…) appears in \(name)")
                    }
                }
            }

            // On the wire: each secret went only where it belongs.
            try sandbox.assertNoSecret(Self.password, in: [.url, .headers], label: "password")
            for route in SandboxRoute.Flowerhub.allCases where route != .login {
                try sandbox.assertNoSecret(Self.password, on: .flowerhub(route), label: "password")
            }
            try sandbox.assertNoSecret(Self.password, on: .vendor(.businessCentral), label: "password")
            try sandbox.assertNoSecret(Self.clientSecret, in: [.url, .headers], label: "client secret")
            try sandbox.assertNoSecret(Self.clientSecret, on: .vendor(.businessCentral), label: "client secret")
            try sandbox.assertNoSecret(Self.clientSecret, on: .vendor(.flowerhub), label: "client secret")
            #expect(!sandbox.sightings(of: Self.clientSecret, in: .body, on: .entra(.token)).isEmpty)
            for token in sandbox.entra.issuedTokens {
                try sandbox.assertNoSecret(token, on: .entra(.token), label: "access token")
                try sandbox.assertNoSecret(token, on: .vendor(.flowerhub), label: "access token")
                try sandbox.assertNoSecret(token, in: [.url, .body], label: "access token")
            }
            for cookie in sandbox.flowerhub.issuedSecrets {
                try sandbox.assertNoSecret(cookie, on: .vendor(.businessCentral), label: "session cookie")
                try sandbox.assertNoSecret(cookie, on: .vendor(.entra), label: "session cookie")
                try sandbox.assertNoSecret(cookie, in: [.url, .body], label: "session cookie")
            }
        }
    }

    @Test("the leak check finds a secret in every spelling and names where without showing it")
    func leakCheckFindsSpellings() async throws {
        try await withSandbox { sandbox in
            let secret = "p@ss word/+&="
            let encoded = try #require(secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let url = sandbox.flowerhubBaseURL.appendingPathComponent("auth/refresh-token")
            _ = try await RawHTTP.send(.get, URL(string: url.absoluteString + "?token=" + encoded)!)
            let basic = Data("user:\(secret)".utf8).base64EncodedString()
            _ = try await RawHTTP.send(.get, url, headers: [.authorization: "Basic \(basic)"])
            _ = try await RawHTTP.send(
                .post, sandbox.entraTokenURL, headers: [.contentType: "application/json"],
                body: Data(#"{"secret":"p@ss word\/+&="}"#.utf8))
            let sightings = sandbox.sightings(of: secret)
            #expect(sightings.map(\.part) == ["query", "header Authorization", "body"])
            let leak = try #require(
                #expect(throws: SandboxSecretLeak.self) { try sandbox.assertNoSecret(secret, label: "password") })
            #expect(!leak.description.contains(secret))
            #expect(!leak.description.contains(encoded))
            #expect(leak.description.contains("the password was sent in 3 request(s)"))
            #expect(sandbox.sightings(of: "absent-value").isEmpty)
        }
    }

    /// A secret as written and percent-encoded (the forms a log or URL could carry it in).
    static func spellings(of secret: String) -> [String] {
        var forms = [secret]
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
            forms.append(encoded)
        }
        return forms
    }
}
