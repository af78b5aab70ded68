import AuthCore
import Foundation

/// Flattens the API's nested features into flat named values, the data-driven core of the kit.
///
/// For one API feature (`feature`, `properties`, `commands`, `isEnabled`, `isReady`):
/// 1. **Complex features**: when a property is one of `entries`, `day`, `week`, `month`, `year`,
///    `schedule`, `mon`…`sun`, the feature stays one value holding the whole properties object, written
///    by the first command that takes `schedule`, `entries` or `newSchedule`. The consumption
///    features `heating.power.consumption.{cooling,dhw,heating,total}` also give `<name>.currentYear`,
///    the first entry of `year`.
/// 2. **Data keys**: every property except `unit`, `type`, `components`, `displayValue`, and `min`/`max`
///    when they are plain values (metadata). Key `value` is named like the feature; any other key `k`
///    is `<feature>.<k>`.
/// 3. **Value and unit**: an object property gives its `value` and its `unit` (else the feature's
///    `unit`, a string or a `{"value": …}` object); a plain property is its own value.
/// 4. **Control**: the commands in key order, skipping those with `isExecutable: false`; the first
///    whose parameters take the key directly, as `targetTemperature` for `temperature`, or (for a
///    one-parameter command) whose name contains the key or, for `value`, any one-parameter command.
/// 5. A feature with empty properties gives nothing.
///
/// Property and command keys are taken in code-point order. The API sends them sorted, so this is
/// the API's order, and it does not depend on how a JSON reader orders members: matching
/// `value` → `setHysteresis` before `setHysteresisSwitchOffValue` depends on it.
public enum ViessmannFeatureFlattener {
    static let complexKeys: Set<String> = [
        "entries", "day", "week", "month", "year", "schedule", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]
    static let metadataKeys: Set<String> = ["unit", "type", "components", "displayValue"]
    static let scheduleParameters: Set<String> = ["schedule", "entries", "newSchedule"]
    static let consumptionFeatures: Set<String> = [
        "heating.power.consumption.cooling", "heating.power.consumption.dhw", "heating.power.consumption.heating",
        "heating.power.consumption.total",
    ]

    /// Reads an E4 answer (`{"data":[feature, …]}`) and flattens every feature in order.
    ///
    /// - Throws: `APIError` of kind `invalidResponse` when the bytes are not JSON (empty, HTML,
    ///   truncated); ``ViessmannError`` with code `invalidResponse` when the JSON is not a `data` list of
    ///   objects, or two flat values have the same name.
    public static func features(from body: Data) throws -> [ViessmannFeature] {
        let json = try ViessmannResponseReader.json(body)
        return try features(in: ViessmannResponseReader.dataList(json, what: "features"))
    }

    /// Flattens API features (JSON objects) in order, refusing duplicate flat names.
    static func features(in list: [JSONValue]) throws -> [ViessmannFeature] {
        var result: [ViessmannFeature] = []
        result.reserveCapacity(list.count * 2)
        for entry in list {
            guard case .object(let object) = entry else {
                throw ViessmannError(.invalidResponse, "a feature entry is not a JSON object")
            }
            flatten(object, into: &result)
        }
        var seen = Set<String>(minimumCapacity: result.count)
        for feature in result where !seen.insert(feature.name).inserted {
            throw ViessmannError(.invalidResponse, "two features flatten to the same name '\(feature.name)'")
        }
        return result
    }

    /// Flattens one API feature.
    public static func flatten(_ feature: JSONValue) -> [ViessmannFeature] {
        guard case .object(let object) = feature else { return [] }
        var result: [ViessmannFeature] = []
        flatten(object, into: &result)
        return result
    }

    static func flatten(_ object: [String: JSONValue], into result: inout [ViessmannFeature]) {
        let base = object["feature"]?.stringValue ?? "unknown"
        guard case .object(let properties)? = object["properties"], !properties.isEmpty else { return }
        let isEnabled = object["isEnabled"]?.boolValue ?? true
        let isReady = object["isReady"]?.boolValue ?? true
        let commands = ViessmannCommandTable(object["commands"])
        let keys = sortedKeys(properties)

        if keys.contains(where: complexKeys.contains) {
            result.append(
                ViessmannFeature(
                    name: base, value: .object(properties), unit: nil, isEnabled: isEnabled, isReady: isReady,
                    control: commands.scheduleControl(base: base), apiFeatureName: base))
            if consumptionFeatures.contains(base), let year = properties["year"],
                case .array(let values)? = year["value"], let first = values.first
            {
                result.append(
                    ViessmannFeature(
                        name: base + ".currentYear", value: first,
                        unit: year["unit"]?.stringValue.map { ViessmannUnit(rawValue: $0) },
                        isEnabled: isEnabled, isReady: isReady, control: nil, apiFeatureName: base))
            }
            return
        }

        var dataKeys = keys.filter { key in
            if metadataKeys.contains(key) { return false }
            if key == "min" || key == "max" {
                if case .object = properties[key] { return true }
                return false
            }
            return true
        }
        if dataKeys.isEmpty, properties["value"] != nil { dataKeys = ["value"] }
        let featureUnit = unit(of: properties["unit"])
        for key in dataKeys {
            let property = properties[key] ?? .null
            let value: JSONValue
            let unit: ViessmannUnit?
            if case .object(let member) = property {
                value = member["value"] ?? .null
                unit = member["unit"]?.stringValue.map { ViessmannUnit(rawValue: $0) } ?? featureUnit
            } else {
                value = property
                unit = featureUnit
            }
            result.append(
                ViessmannFeature(
                    name: key == "value" ? base : base + "." + key, value: value, unit: unit, isEnabled: isEnabled,
                    isReady: isReady, control: commands.control(forKey: key, property: property, base: base),
                    apiFeatureName: base))
        }
    }

    /// A feature-level unit: a string, or a `{"value": "celsius"}` object (older API versions).
    private static func unit(of value: JSONValue?) -> ViessmannUnit? {
        switch value {
        case .string(let text)?: return ViessmannUnit(rawValue: text)
        case .object(let object)?: return object["value"]?.stringValue.map { ViessmannUnit(rawValue: $0) }
        default: return nil
        }
    }

    /// Keys in Unicode code-point order (the byte order of their UTF-8).
    static func sortedKeys(_ object: [String: JSONValue]) -> [String] {
        object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
