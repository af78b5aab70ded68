import AuthCore
import Foundation
import TestSupport
import Testing
import VendorCtlCore

@Suite("vendorctl flowerhub status, readout, invoices, consumption, agreement, uptime")
struct FlowerhubReadCommandTests {
    @Test("status resumes the saved session (its cookies are sent), discovers the asset and prints a table")
    func statusTable() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045")
        let run = await harness.run("flowerhub", "status")
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        let cookie = try #require(harness.transport.requests(to: "/asset-owner").first?.headers[.cookie])
        #expect(cookie.contains("Authentication=\(Canary.accessCookie)"))
        #expect(cookie.contains("Refresh=\(Canary.refreshCookie)"))
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("FIELD") == true)
        #expect(lines.contains { $0.hasPrefix("status") && $0.hasSuffix("Connected") })
        #expect(lines.contains { $0.hasPrefix("asset ") && $0.hasSuffix("880045") })
        #expect(lines.contains { $0.contains("LUNA2000-5-S0") && $0.contains("10.0 kWh") })
        // The value column starts at the same offset on every line.
        let offsets = Set(lines.map { line in line.firstRange(of: "  ").map { _ in valueOffset(line) } ?? -1 })
        #expect(offsets.count == 1)
        #expect(!run.allOutput.contains(Canary.accessCookie))
        // The discovered asset id is saved: the next status needs no discovery.
        harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045")
        let again = await harness.run("flowerhub", "status", "--json")
        #expect(again.code == .success)
        #expect(harness.transport.requests(to: "/asset-owner").count == 1)
        let json = try again.json()
        #expect(json["assetId"] == 880045)
        #expect(json["status"]?["status"] == "Connected")
        #expect(json["asset"]?["battery"]?["name"] == "LUNA2000-5-S0")
    }

    @Test("readout runs discovery, asset and uptime pie and prints JSON that parses")
    func readout() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045")
        harness.transport.enqueue(FlowerhubScript.fixture("uptime-pie.json"), path: "/asset-effective-uptime/pie-chart")
        let run = await harness.run("flowerhub", "readout", "--json")
        #expect(run.code == .success)
        let json = try run.json()
        #expect(json["asset_owner_id"] == 40123)
        #expect(json["asset_id"] == 880045)
        #expect(json["asset"]?["flowerhub_status"]?["status"] == "Connected")
        #expect(json["uptime_pie"]?["uptime"] == 2_400_000)
        harness.transport.enqueue(FlowerhubScript.fixture("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        harness.transport.enqueue(FlowerhubScript.fixture("asset.json"), path: "/asset/880045")
        harness.transport.enqueue(FlowerhubScript.fixture("uptime-pie.json"), path: "/asset-effective-uptime/pie-chart")
        let table = await harness.run("flowerhub", "readout")
        #expect(table.code == .success)
        #expect(table.stdout.contains("Connected"))
        #expect(table.stdout.contains("92.59 %"))
    }

    @Test("invoices print an aligned table (amounts right-aligned) and a JSON array")
    func invoices() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("invoices.json"), path: "/asset-owner/40123/invoice")
        let run = await harness.run("flowerhub", "invoices")
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("ID"))
        #expect(lines[1].hasPrefix("9100231"))
        #expect(lines[2].hasPrefix("9100198"))
        let totalEnd = try #require(lines[0].range(of: "TOTAL")?.upperBound).utf16Offset(in: lines[0])
        #expect(lines[1].contains("-412.50"))
        #expect(try #require(lines[1].range(of: "-412.50")).upperBound.utf16Offset(in: lines[1]) == totalEnd)
        #expect(try #require(lines[2].range(of: "-95.10")).upperBound.utf16Offset(in: lines[2]) == totalEnd)
        harness.transport.enqueue(FlowerhubScript.fixture("invoices.json"), path: "/asset-owner/40123/invoice")
        let json = try await harness.run("flowerhub", "invoices", "--json").json()
        #expect(json.arrayValue?.count == 2)
        #expect(json[0]?["sub_group_invoices"]?.arrayValue?.count == 2)
    }

    @Test("consumption and agreement print tables and JSON")
    func consumptionAndAgreement() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/40123/consumption")
        let consumption = await harness.run("flowerhub", "consumption")
        #expect(consumption.code == .success)
        #expect(consumption.stdout.contains("152.400"))
        #expect(consumption.stdout.split(separator: "\n").count == 4)
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/40123/consumption")
        let consumptionJSON = try await harness.run("flowerhub", "consumption", "--json").json()
        #expect(consumptionJSON[1]?["volume"] == 98)
        harness.transport.enqueue(
            FlowerhubScript.fixture("electricity-agreement.json"), path: "/asset-owner/40123/electricity-agreement")
        let agreement = await harness.run("flowerhub", "agreement")
        #expect(agreement.code == .success)
        #expect(agreement.stdout.contains("consumption"))
        #expect(agreement.stdout.contains("7300413"))
        harness.transport.enqueue(
            FlowerhubScript.fixture("electricity-agreement.json"), path: "/asset-owner/40123/electricity-agreement")
        let agreementJSON = try await harness.run("flowerhub", "agreement", "--json").json()
        #expect(agreementJSON["production"]?["siteId"] == 7_300_413)
    }

    @Test("uptime shows the month's pie (--period is sent), the history and the months")
    func uptime() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("with-asset-id.json"), path: "/asset-owner/40123/withAssetId")
        harness.transport.enqueue(FlowerhubScript.fixture("uptime-pie.json"), path: "/asset-effective-uptime/pie-chart")
        let pie = await harness.run("flowerhub", "uptime", "--period", "2026-02", "--json")
        #expect(pie.code == .success)
        #expect(harness.transport.requests.last?.url.query == "period=2026-02")
        let json = try pie.json()
        #expect(json["period"] == "2026-02")
        #expect(json["pie"]?["downtime"] == 100_000)
        harness.transport.enqueue(FlowerhubScript.fixture("uptime-history.json"), path: "/asset-effective-uptime/bar")
        let history = await harness.run("flowerhub", "uptime", "--history")
        #expect(history.code == .success)
        #expect(history.stdout.contains("2025-04"))
        #expect(history.stdout.contains("97.50"))
        harness.transport.enqueue(
            FlowerhubScript.fixture("uptime-months.json"), path: "/asset-effective-uptime/available-months")
        let months = try await harness.run("flowerhub", "uptime", "--months", "--json").json()
        #expect(months.arrayValue?.count == 3)
        let conflicting = await harness.run("flowerhub", "uptime", "--history", "--months")
        #expect(conflicting.code == .usage)
        let badPeriod = await harness.run("flowerhub", "uptime", "--period", "2026-13")
        #expect(badPeriod.code == .usage)
    }

    @Test("a 401 is answered by one refresh; the renewed cookie is saved and sent by the next run")
    func refreshedCookieIsSaved() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("error-401.json", status: 401), path: "/asset-owner")
        harness.transport.enqueue(
            FlowerhubScript.fixture("refresh-ok.json", headers: setCookies("Authentication=acc-renewed-2; Path=/")),
            path: "/auth/refresh-token")
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/40123/consumption")
        let run = await harness.run("flowerhub", "consumption")
        #expect(run.code == .success)
        let saved = try String(contentsOf: harness.file("flowerhub-session.json"), encoding: .utf8)
        #expect(saved.contains("acc-renewed-2"))
        #expect(!saved.contains(Canary.accessCookie))
        #expect(saved.contains(Canary.refreshCookie))
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/40123/consumption")
        _ = await harness.run("flowerhub", "consumption")
        let cookie = try #require(harness.transport.requests.last?.headers[.cookie])
        #expect(cookie.contains("Authentication=acc-renewed-2"))
        #expect(!run.allOutput.contains("acc-renewed-2"))
    }

    @Test("a session the portal refuses (401, refresh 401) exits 77 asking to sign in again")
    func refusedSession() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("error-401.json", status: 401), path: "/asset-owner")
        harness.transport.enqueue(FlowerhubScript.fixture("error-401.json", status: 401), path: "/auth/refresh-token")
        let run = await harness.run("flowerhub", "invoices")
        #expect(run.code == .authentication)
        #expect(run.stderr.hasSuffix("(run 'vendorctl flowerhub login')\n"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.isEmpty)
    }

    @Test("a 500 exits 70, a dropped connection 69")
    func serverAndNetworkFailures() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("error-500.html", status: 500), path: "/asset-owner")
        let server = await harness.run("flowerhub", "invoices")
        #expect(server.code == .server)
        #expect(server.code.rawValue == 70)
        #expect(server.stderr.hasPrefix("vendorctl: server: APIError.server"))
        harness.transport.enqueue(.failure(.networkConnectionLost), path: "/asset-owner")
        let network = await harness.run("flowerhub", "invoices")
        #expect(network.code == .network)
        #expect(network.code.rawValue == 69)
    }

    @Test("without a session file every command exits 77 and sends nothing")
    func missingSession() async {
        let harness = CLIHarness()
        for command in ["status", "readout", "invoices", "consumption", "agreement", "uptime", "watch"] {
            let run = await harness.run("flowerhub", command)
            #expect(run.code == .authentication, "\(command)")
            #expect(run.stderr.contains("vendorctl flowerhub login"), "\(command)")
        }
        #expect(harness.transport.requests.isEmpty)
    }

    @Test("a damaged session file exits 77 naming the file, without printing its contents")
    func corruptSession() async throws {
        let harness = CLIHarness()
        for damaged in [
            "{\"cookies\": [\"Authentication=\(Canary.accessCookie)\"",
            "[]",
            #"{"format": 9, "baseURL": "https://api.portal.flowerhub.se", "savedAt": 0, "cookies": []}"#,
        ] {
            try harness.write(damaged, to: "flowerhub-session.json")
            let run = await harness.run("flowerhub", "status")
            #expect(run.code == .authentication)
            #expect(run.stderr.contains("flowerhub-session.json"))
            #expect(run.stderr.contains("damaged"))
            #expect(!run.allOutput.contains(Canary.accessCookie))
        }
        #expect(harness.transport.requests.isEmpty)
        // A new login repairs it.
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/40123/consumption")
        #expect(await harness.run("flowerhub", "consumption").code == .success)
    }

    @Test("a session saved for another portal is not sent to the --base-url given")
    func sessionForAnotherPortal() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        let run = await harness.run("flowerhub", "invoices", "--base-url", "http://127.0.0.1:9")
        #expect(run.code == .authentication)
        #expect(run.stderr.contains("https://api.portal.flowerhub.se"))
        #expect(harness.transport.requests.count == 1)
        // The same portal spelled with a trailing slash is the session's own.
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/40123/consumption")
        let same = await harness.run("flowerhub", "consumption", "--base-url", "https://api.portal.flowerhub.se/")
        #expect(same.code == .success)
    }

    @Test("without a session, FLOWERHUB_USERNAME and FLOWERHUB_PASSWORD sign in on the fly and save the session")
    func signInFromEnvironment() async throws {
        let harness = CLIHarness()
        harness.transport.enqueue(FlowerhubScript.login, method: .post, path: "/auth/login")
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/40123/consumption")
        let run = await harness.run(
            "flowerhub", "consumption",
            environment: ["FLOWERHUB_USERNAME": "kim@example.se", "FLOWERHUB_PASSWORD": Canary.password])
        #expect(run.code == .success)
        #expect(!run.allOutput.contains(Canary.password))
        let saved = try String(contentsOf: harness.file("flowerhub-session.json"), encoding: .utf8)
        #expect(saved.contains("kim@example.se"))
        #expect(saved.contains(Canary.accessCookie))
    }

    @Test("--asset-owner-id reads another owner for this run only")
    func ownerOverride() async throws {
        let harness = CLIHarness()
        try await FlowerhubScript.signIn(harness)
        harness.transport.enqueue(FlowerhubScript.fixture("consumption.json"), path: "/asset-owner/777/consumption")
        let run = await harness.run("flowerhub", "consumption", "--asset-owner-id", "777")
        #expect(run.code == .success)
        let saved = try String(contentsOf: harness.file("flowerhub-session.json"), encoding: .utf8)
        #expect(saved.contains("40123"))
        #expect(!saved.contains("777"))
        #expect(await harness.run("flowerhub", "consumption", "--asset-owner-id", "0").code == .usage)
    }
}

/// Where the value column starts in a field-list line: after the field name and its padding.
private func valueOffset(_ line: String) -> Int {
    guard let gap = line.firstRange(of: "  ") else { return -1 }
    var index = gap.upperBound
    while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
    return line.distance(from: line.startIndex, to: index)
}
