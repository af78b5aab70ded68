import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Analytics (scenario 15)")
struct AnalyticsTests {
    @Test("summary posts the E6 body and gives three analytics.* features in kilowattHour")
    func summary() async throws {
        let transport = MockTransport { _ in vi("analytics.json") }
        let client = try apiClient(transport)
        let features = try await client.consumption(
            of: try device0(), start: "2025-11-02T00:00:00", end: "2025-11-02T23:59:59.999999")
        #expect(
            features == [
                ViessmannFeature(name: "analytics.heating.power.consumption.dhw", value: 3.1, unit: .kilowattHour),
                ViessmannFeature(name: "analytics.heating.power.consumption.heating", value: 12.4, unit: .kilowattHour),
                ViessmannFeature(name: "analytics.heating.power.consumption.total", value: 15.5, unit: .kilowattHour),
            ])
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "\(apiBase)/iot/v1/analytics-api/dataLake/chronos/v0/thermal_energy")
        #expect(request.jsonBody == (try JSONValue(jsonData: fixture("analytics_request.json"))))
    }

    @Test("one metric reads one property; a missing property is 0.0; an unknown metric or resolution throws")
    func metrics() async throws {
        let transport = MockTransport { _ in vi("analytics_partial.json") }
        let client = try apiClient(transport)
        let total = try await client.consumption(
            of: try device0(), start: "a", end: "b", metric: .total, resolution: .month)
        #expect(total.map(\.value) == [15.5])
        #expect(transport.requests[0].jsonBody?["resolution"] == "1m")
        #expect(transport.requests[0].jsonBody?["properties"] == ["heating.power.consumption.total"])
        let dhw = try await client.consumption(of: try device0(), start: "a", end: "b", metric: .dhw)
        #expect(dhw.map(\.value) == [0.0])
        #expect(try ViessmannConsumptionMetric(named: "heating") == .heating)
        #expect(throws: ViessmannError.self) { try ViessmannConsumptionMetric(named: "gas") }
        #expect(try ViessmannResolution(named: "1y") == .year)
        #expect(throws: ViessmannError.self) { try ViessmannResolution(named: "2d") }
    }

    @Test("an answer without a summary gives zeros; a summary that is not an object is refused")
    func shapes() async throws {
        let empty = MockTransport { _ in .json(200, #"{"data":{}}"#) }
        let zeros = try await apiClient(empty).consumption(of: try device0(), start: "a", end: "b")
        #expect(zeros.map(\.value) == [0.0, 0.0, 0.0])
        let bad = MockTransport { _ in .json(200, #"{"data":{"data":{"summary":[1]}}}"#) }
        let error = await caught { _ = try await apiClient(bad).consumption(of: try device0(), start: "a", end: "b") }
        #expect((error as? ViessmannError)?.code == .invalidResponse)
    }

    @Test("timestamps are local and without offset")
    func timestamps() {
        let date = Date(timeIntervalSince1970: 1_762_038_000)
        #expect(
            ViessmannClient.analyticsTimestamp(date, timeZone: TimeZone(identifier: "UTC")!) == "2025-11-01T23:00:00")
        #expect(
            ViessmannClient.analyticsTimestamp(date, timeZone: TimeZone(identifier: "Europe/Berlin")!)
                == "2025-11-02T00:00:00")
    }
}

@Suite("Command-line parameters (scenario 15)")
struct CommandArgumentsTests {
    @Test("slope=1.4 shift=0 mode=active enabled=true parse to typed values")
    func typed() throws {
        let parsed = try ViessmannCommandArguments.parse(["slope=1.4", "shift=0", "mode=active", "enabled=TRUE"])
        #expect(parsed == ["slope": 1.4, "shift": 0, "mode": "active", "enabled": true])
        #expect(try ViessmannCommandArguments.parse(["list=[1,2]", "text=a=b"]) == ["list": [1, 2], "text": "a=b"])
    }

    @Test("invalid_arg throws; a JSON object argument works; invalid JSON throws")
    func errors() throws {
        #expect(throws: ViessmannError.self) { try ViessmannCommandArguments.parse(["invalid_arg"]) }
        #expect(throws: ViessmannError.self) { try ViessmannCommandArguments.parse(["=5"]) }
        #expect(try ViessmannCommandArguments.parse([#"{"shift":2,"slope":1.4}"#]) == ["shift": 2, "slope": 1.4])
        #expect(throws: ViessmannError.self) { try ViessmannCommandArguments.parse(["{nope"]) }
        #expect(ViessmannCommandArguments.value("nan") == "nan")
        #expect(ViessmannCommandArguments.value("1e999") == "1e999")
        #expect(ViessmannCommandArguments.value("-3") == -3)
    }
}
