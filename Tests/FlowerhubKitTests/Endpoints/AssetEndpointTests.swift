import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Revenue, uptime and system notification")
struct AssetEndpointTests {
    @Test("revenue numbers are read, numeric strings included")
    func revenue() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("revenue.json"))
        harness.transport.enqueue(fh("revenue-strings.json"))
        let plain = try await harness.client.fetchRevenue(assetId: 880045)
        #expect(harness.paths == ["/asset/880045/revenue"])
        #expect(
            plain == FlowerhubRevenue(id: 1207, minAvailablePower: 4.6, compensation: 351.9, compensationPerKW: 76.5))
        let strings = try await harness.client.fetchRevenue(assetId: 880045)
        #expect(
            strings == FlowerhubRevenue(id: 1207, minAvailablePower: 4.6, compensation: 351.9, compensationPerKW: nil))
    }

    @Test("revenue without id fails, and without throwing reports the error")
    func revenueNoId() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, #"{"minAvailablePower": 1}"#))
        let result = try await harness.client.fetchRevenueResult(assetId: 880045)
        #expect(result.value == nil)
        #expect(message(of: result.error).contains("missing or invalid id"))
    }

    @Test("uptime months and history come from the /asset-effective-uptime paths")
    func monthsAndHistory() async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(880045)
        harness.transport.enqueue(fh("uptime-months.json"))
        harness.transport.enqueue(fh("uptime-history.json"))
        let months = try await harness.client.fetchAvailableUptimeMonths()
        let history = try await harness.client.fetchUptimeHistory()
        #expect(
            harness.paths == [
                "/asset-effective-uptime/available-months/880045", "/asset-effective-uptime/bar-chart/history/880045",
            ])
        #expect(months.map(\.value) == ["2025-03", "2025-04", "2026-03"])
        #expect(months.last == FlowerhubUptimeMonth(value: "2026-03", label: "March 2026"))
        #expect(
            history == [
                FlowerhubUptimeHistoryEntry(date: "2025-03", uptime: 100),
                FlowerhubUptimeHistoryEntry(date: "2025-04", uptime: 97.5),
                FlowerhubUptimeHistoryEntry(date: "2025-05", uptime: 88),
            ])
    }

    @Test("the pie gives the ratios and defaults to the current month of the injected clock")
    func pie() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("uptime-pie.json"))
        let pie = try await harness.client.fetchUptimePie(assetId: 880045)
        #expect(
            harness.transport.requests[0].url.absoluteString.hasSuffix(
                "/asset-effective-uptime/pie-chart/880045?period=2026-03"))
        #expect(pie.uptime == 2_400_000)
        #expect(pie.downtime == 100_000)
        #expect(pie.noData == 92_000)
        #expect(abs(try #require(pie.uptimeRatioTotal) - 92.5926) < 0.001)
        #expect(pie.uptimeRatioActual == 96.0)
    }

    @Test("a pie with only noData has total 0 and no actual ratio; an empty pie has nothing and no error")
    func pieEdges() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("uptime-pie-no-data.json"))
        harness.transport.enqueue(fh("uptime-pie-empty.json"))
        let noData = try await harness.client.fetchUptimePie(assetId: 880045, period: "2025-04")
        #expect(harness.transport.requests[0].url.query == "period=2025-04")
        #expect(noData.uptimeRatioTotal == 0.0)
        #expect(noData.uptimeRatioActual == nil)
        let empty = try await harness.client.fetchUptimePieResult(assetId: 880045, period: " 2025-05 ")
        #expect(harness.transport.requests[1].url.query == "period=2025-05")
        #expect(empty.error == nil)
        #expect(empty.value == FlowerhubUptimePie(uptime: nil, downtime: nil, noData: nil))
        #expect(empty.uptimeRatioTotal == nil)
    }

    @Test("pie: the last entry of a name wins; unknown names and junk are ignored")
    func pieLastWins() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(
            .json(
                200,
                #"[{"name":"uptime","value":10},{"name":"uptime","value":"30"},{"name":"other","value":5},7,{"name":"downtime","value":10}]"#
            ))
        let pie = try await harness.client.fetchUptimePie(assetId: 880045, period: "2026-01")
        #expect(pie.uptime == 30)
        #expect(pie.uptimeRatioActual == 75)
    }

    @Test("a pie that is not a list fails, thrown or reported")
    func pieWrongType() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("uptime-pie-wrong-type.json"))
        harness.transport.enqueue(fh("uptime-pie-wrong-type.json"))
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchUptimePie(assetId: 880045)
        }
        #expect(error?.message.contains("expected list") == true)
        let result = try await harness.client.fetchUptimePieResult(assetId: 880045)
        #expect(result.value == nil)
        #expect(result.uptime == nil)
        #expect(message(of: result.error).contains("expected list"))
    }

    @Test("the system notification is returned unparsed; its empty body gives no JSON")
    func systemNotification() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("system-notification-empty.json"), path: "/system-notification/active-flower")
        harness.transport.enqueue(
            .json(200, #"{"title":"Service window"}"#), path: "/system-notification/active-zavann")
        let flower = try await harness.client.fetchSystemNotificationResult()
        #expect(flower.statusCode == 200)
        #expect(flower.json == nil)
        #expect(flower.text == "")
        #expect(flower.error == nil)
        let zavann = try await harness.client.fetchSystemNotification(slug: "active-zavann")
        #expect(zavann?["title"] == "Service window")
    }

    @Test("a slug is sent as one encoded path segment: it cannot reach another path")
    func slugEncoded() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("system-notification-empty.json"))
        harness.transport.enqueue(fh("system-notification-empty.json"))
        try await harness.client.fetchSystemNotification(slug: "../asset/1?x=y")
        try await harness.client.fetchSystemNotification(slug: "spring sale")
        let urls = harness.transport.requests.map(\.url.absoluteString)
        #expect(
            urls == [
                "\(portalBase)/system-notification/..%2Fasset%2F1%3Fx%3Dy",
                "\(portalBase)/system-notification/spring%20sale",
            ])
    }

    @Test("a 500 on the system notification throws and notifies once; without throwing it is reported")
    func systemNotificationError() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-500.html", 500))
        harness.transport.enqueue(fh("error-500.html", 500))
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchSystemNotification() }
        #expect(error?.status == 500)
        #expect(harness.apiErrors.count == 1)
        let result = try await harness.client.fetchSystemNotificationResult()
        #expect(result.statusCode == 500)
        #expect((result.error as? APIError)?.status == 500)
        #expect(harness.apiErrors.count == 1)
    }
}
