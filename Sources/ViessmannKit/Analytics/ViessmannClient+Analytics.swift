import AuthCore
import Foundation

extension ViessmannClient {
    /// The energy consumption of a device over a time range (E6), as flat features named
    /// `analytics.<property>` with unit `kilowattHour`: one per property of the metric, `0.0` when the
    /// answer has none for it.
    ///
    /// - Parameters:
    ///   - device: The device (its gateway serial and id are sent).
    ///   - start: The start, sent as written (the API takes local times without offset, for example
    ///     `2025-11-02T00:00:00`); see ``analyticsTimestamp(_:timeZone:)``.
    ///   - end: The end, likewise.
    ///   - metric: Which consumption: `summary` (DHW, heating and total) or one of them.
    ///   - resolution: The time resolution, `1d` by default.
    public func consumption(
        of device: ViessmannDevice, start: String, end: String, metric: ViessmannConsumptionMetric = .summary,
        resolution: ViessmannResolution = .day
    ) async throws -> [ViessmannFeature] {
        try Self.requireIDs(["gatewaySerial": device.gatewaySerial, "deviceID": device.id, "start": start, "end": end])
        let body: JSONValue = .object([
            "gateway_id": .string(device.gatewaySerial), "device_id": .string(device.id),
            "start_datetime": .string(start), "end_datetime": .string(end),
            "properties": .array(metric.properties.map(JSONValue.string)), "resolution": .string(resolution.rawValue),
        ])
        let answer = try await send(ViessmannEndpoints.analytics(body: body))
        return try Self.consumptionFeatures(answer, metric: metric)
    }

    /// A local date-time without offset, as the analytics endpoint takes it: `2025-11-02T00:00:00`.
    public static func analyticsTimestamp(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        let year = String(parts.year ?? 0)
        return
            "\(year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }

    /// Reads `data.data.summary` into `analytics.*` features.
    static func consumptionFeatures(_ answer: JSONValue, metric: ViessmannConsumptionMetric) throws
        -> [ViessmannFeature]
    {
        guard case .object(let root) = answer else {
            throw ViessmannError(.invalidResponse, "the analytics answer is not a JSON object")
        }
        let summary: [String: JSONValue]
        switch root["data"]?["data"]?["summary"] {
        case .object(let object)?: summary = object
        case nil, .null?: summary = [:]
        default: throw ViessmannError(.invalidResponse, "the analytics summary is not an object")
        }
        return metric.properties.map { property in
            let value: JSONValue
            if case .number(let number)? = summary[property] { value = .number(number) } else { value = 0.0 }
            return ViessmannFeature(name: "analytics." + property, value: value, unit: .kilowattHour)
        }
    }
}
