import AuthCore

/// The commands of one API feature, in key order, and the matching of properties to them.
struct ViessmannCommandTable {
    struct Entry {
        let name: String
        let object: [String: JSONValue]
        let isExecutable: Bool
        /// Parameter names in key order, with their objects.
        let parameters: [(name: String, object: [String: JSONValue])]
    }

    let entries: [Entry]

    init(_ commands: JSONValue?) {
        guard case .object(let object)? = commands, !object.isEmpty else {
            entries = []
            return
        }
        entries = ViessmannFeatureFlattener.sortedKeys(object).map { key in
            let command = object[key]?.objectValue ?? [:]
            let parameters = command["params"]?.objectValue ?? [:]
            let executable: Bool
            switch command["isExecutable"] {
            case .bool(let flag)?: executable = flag
            case .string(let text)?: executable = text.lowercased() != "false"
            default: executable = true
            }
            return Entry(
                name: command["name"]?.stringValue ?? key, object: command, isExecutable: executable,
                parameters: ViessmannFeatureFlattener.sortedKeys(parameters).map { name in
                    (name, parameters[name]?.objectValue ?? [:])
                })
        }
    }

    /// The control of a plain property `key` (spec §3.3).
    func control(forKey key: String, property: JSONValue, base: String) -> ViessmannFeatureControl? {
        guard !entries.isEmpty else { return nil }
        let lowered = key.lowercased()
        for entry in entries where entry.isExecutable {
            var match: (name: String, object: [String: JSONValue])?
            if let direct = entry.parameters.first(where: { $0.name == key }) {
                match = direct
            } else if key == "temperature",
                let alias = entry.parameters.first(where: { $0.name == "targetTemperature" })
            {
                match = alias
            } else if entry.parameters.count == 1 {
                if entry.name.lowercased().contains(lowered) || key == "value" { match = entry.parameters[0] }
            }
            guard let match else { continue }
            let propertyObject = property.objectValue ?? [:]
            var sources = [match.object, match.object["constraints"]?.objectValue ?? [:]]
            sources.append(propertyObject)
            sources.append(propertyObject["constraints"]?.objectValue ?? [:])
            return makeControl(entry, parameter: match.name, base: base, constraints: Self.constraints(from: sources))
        }
        return nil
    }

    /// The control of a complex feature: the first command (executable or not) taking a schedule.
    func scheduleControl(base: String) -> ViessmannFeatureControl? {
        for entry in entries {
            if let parameter = entry.parameters.first(where: {
                ViessmannFeatureFlattener.scheduleParameters.contains($0.name)
            }) {
                let schedule = Self.scheduleConstraints(parameter.object["constraints"]?.objectValue ?? [:])
                return makeControl(
                    entry, parameter: parameter.name, base: base,
                    constraints: ViessmannParameterConstraints(schedule: schedule))
            }
        }
        return nil
    }

    private func makeControl(
        _ entry: Entry, parameter: String, base: String, constraints: ViessmannParameterConstraints
    ) -> ViessmannFeatureControl {
        let definitions = entry.parameters.map(Self.parameter)
        return ViessmannFeatureControl(
            commandName: entry.name, paramName: parameter, requiredParams: entry.parameters.map(\.name),
            parentFeatureName: base, uri: entry.object["uri"]?.stringValue ?? "", constraints: constraints,
            parameterType: definitions.first { $0.name == parameter }?.type ?? .unknown(""), parameters: definitions)
    }

    /// A parameter's definition with its own constraints (parameter object, then `constraints`).
    static func parameter(_ entry: (name: String, object: [String: JSONValue])) -> ViessmannCommandParameter {
        let constraintObject = entry.object["constraints"]?.objectValue ?? [:]
        var constraints = constraints(from: [entry.object, constraintObject])
        let type = ViessmannParameterType(rawValue: entry.object["type"]?.stringValue ?? "")
        if type == .schedule { constraints.schedule = scheduleConstraints(constraintObject) }
        return ViessmannCommandParameter(
            name: entry.name, type: type, isRequired: entry.object["required"]?.boolValue != false,
            constraints: constraints)
    }

    /// The first usable value of each field across `sources` (spec §3.4).
    static func constraints(from sources: [[String: JSONValue]]) -> ViessmannParameterConstraints {
        func first<T>(_ keys: [String], _ read: (JSONValue) -> T?) -> T? {
            for source in sources {
                for key in keys {
                    if let value = source[key], let read = read(value) { return read }
                }
            }
            return nil
        }
        let number: (JSONValue) -> Double? = { value in
            guard case .number(let number) = value else { return nil }
            let double = number.doubleValue
            return double.isFinite ? double : nil
        }
        let count: (JSONValue) -> Int? = { value in
            guard case .number = value, let int = value.intValue, int >= 0 else { return nil }
            return int
        }
        return ViessmannParameterConstraints(
            min: first(["min"], number), max: first(["max"], number), step: first(["step", "stepping"], number),
            options: first(["enum"], { $0.arrayValue }) ?? [], minLength: first(["minLength"], count),
            maxLength: first(["maxLength"], count), pattern: first(["pattern", "regEx"], { $0.stringValue }))
    }

    static func scheduleConstraints(_ object: [String: JSONValue]) -> ViessmannScheduleConstraints? {
        let keys = ["maxEntries", "modes", "defaultMode", "resolution", "overlapAllowed"]
        guard keys.contains(where: { object[$0] != nil }) else { return nil }
        return ViessmannScheduleConstraints(
            maxEntries: object["maxEntries"]?.intValue,
            modes: object["modes"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            defaultMode: object["defaultMode"]?.stringValue, resolution: object["resolution"]?.intValue,
            overlapAllowed: object["overlapAllowed"]?.boolValue)
    }
}
