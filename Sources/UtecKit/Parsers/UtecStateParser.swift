import AuthCore

/// Reads device states leniently: `states` as a list of `{capability,name,value}` or as a mapping
/// `{capability: {name: value}}`; entries without capability or name are skipped.
enum UtecStateParser {
    /// The states of one `{"id", "states"}` object; `nil` when it is not an object or has no id.
    static func state(_ json: JSONValue) -> UtecDeviceState? {
        guard json.objectValue != nil, let id = deviceID(json) else { return nil }
        return UtecDeviceState(deviceID: id, values: values(json["states"]))
    }

    /// A device id: a non-empty string, or a number written as text.
    static func deviceID(_ json: JSONValue) -> String? {
        guard let value = json["id"],
            let text = value.stringValue ?? (value.numberValue != nil ? value.textValue : nil),
            !text.isEmpty
        else { return nil }
        return text
    }

    /// The entries of `states` in either shape.
    static func values(_ json: JSONValue?) -> [UtecStateValue] {
        switch json {
        case .array(let entries)?:
            return entries.compactMap { entry in
                guard let capability = entry["capability"]?.stringValue, !capability.isEmpty,
                    let name = entry["name"]?.stringValue, !name.isEmpty
                else { return nil }
                return UtecStateValue(
                    capability: UtecCapability(rawValue: capability), name: name, value: entry["value"] ?? .null)
            }
        case .object(let mapping)?:
            return mapping.keys.sorted().flatMap { capability -> [UtecStateValue] in
                guard let names = mapping[capability]?.objectValue else { return [] }
                return names.keys.sorted().map { name in
                    UtecStateValue(
                        capability: UtecCapability(rawValue: capability), name: name, value: names[name] ?? .null)
                }
            }
        default:
            return []
        }
    }

    /// A query or command answer: `payload.devices[]`, each with `states` or an `error`. `scrub`
    /// removes the request's secrets from the texts of a device error (a server may echo the token).
    static func query(
        _ payload: JSONValue, scrub: @Sendable (String) -> String = { $0 }
    ) throws -> UtecQueryResult {
        let devices = try deviceList(payload)
        var result = UtecQueryResult(states: [])
        for entry in devices {
            guard entry.objectValue != nil, let id = deviceID(entry) else { continue }
            if let error = entry["error"], !error.isNull {
                let code = scrub(error["code"]?.textValue ?? error.textValue ?? "UNKNOWN")
                let message = error["message"]?.textValue.map(scrub) ?? "the device reported \(code)"
                result.failures.append(UtecError(.deviceError, message, deviceID: id, vendorCode: code))
            } else {
                result.states.append(UtecDeviceState(deviceID: id, values: values(entry["states"])))
            }
        }
        return result
    }

    /// `payload.devices` as a list (absent reads as empty).
    static func deviceList(_ payload: JSONValue) throws -> [JSONValue] {
        guard let devices = payload["devices"], !devices.isNull else { return [] }
        guard let list = devices.arrayValue else {
            throw UtecError(.invalidPayload, "payload.devices is not a list")
        }
        return list
    }
}
