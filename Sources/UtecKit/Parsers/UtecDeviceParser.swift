import AuthCore

/// Reads discovery records leniently: a record without `id` or `handleType`, or that is not an
/// object, is skipped and reported; an unknown category or handle type is kept.
enum UtecDeviceParser {
    /// The devices and issues of a discovery payload.
    static func discovery(_ payload: JSONValue) throws -> UtecDiscoveryResult {
        var result = UtecDiscoveryResult(devices: [])
        for (index, entry) in try UtecStateParser.deviceList(payload).enumerated() {
            switch device(entry) {
            case .success(let device):
                result.devices.append(device)
                if device.kind == .unsupported {
                    result.issues.append(
                        UtecPayloadIssue(
                            index: index, deviceID: device.id, code: .unsupportedCommand,
                            message: "handle type '\(device.handleType.rawValue)' is not supported"))
                }
            case .failure(let error):
                result.issues.append(
                    UtecPayloadIssue(
                        index: index, deviceID: entry["id"]?.textValue, code: error.code, message: error.message))
            }
        }
        return result
    }

    /// One record.
    static func device(_ json: JSONValue) -> Result<UtecDevice, UtecError> {
        guard json.objectValue != nil else {
            return .failure(UtecError(.invalidPayload, "a device record is not an object"))
        }
        guard let id = UtecStateParser.deviceID(json) else {
            return .failure(UtecError(.missingField, "a device record has no id"))
        }
        guard let handleType = json["handleType"]?.stringValue, !handleType.isEmpty else {
            return .failure(UtecError(.missingField, "device record has no handleType", deviceID: id))
        }
        let info = json["deviceInfo"]
        let customData: JSONValue? = json["customData"]?.isNull == false ? json["customData"] : nil
        let device = UtecDevice(
            id: id,
            name: json["name"]?.lenientString ?? "",
            category: UtecDeviceCategory(rawValue: (json["category"] ?? json["type"])?.stringValue ?? ""),
            handleType: UtecHandleType(rawValue: handleType),
            deviceInfo: UtecDeviceInfo(
                manufacturer: info?["manufacturer"]?.lenientString ?? "", model: info?["model"]?.lenientString ?? "",
                hardwareVersion: info?["hwVersion"]?.lenientString ?? "",
                serialNumber: info?["serialNumber"]?.lenientString),
            attributes: UtecDeviceAttributes(json["attributes"]?.objectValue ?? [:]),
            customData: customData,
            state: json["state"].flatMap(UtecStateParser.state)
        )
        return .success(device)
    }
}
