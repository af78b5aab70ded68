import AuthCore

/// Reads installations, gateways and devices leniently: numeric ids become text, missing
/// strings (ids and serials too, spec §3.1) become `""`, unknown members are ignored. An entry
/// without an id is kept with `""`; calls made with it are refused before sending.
enum ViessmannEquipmentParser {
    static func installation(_ object: [String: JSONValue]) throws -> ViessmannInstallation {
        // Spec §3.1: a missing field becomes "", so one entry without an id does not fail the whole page.
        let id = ViessmannResponseReader.text(object["id"]) ?? ""
        return ViessmannInstallation(
            id: id, description: object["description"]?.stringValue ?? "", alias: object["alias"]?.stringValue ?? "",
            address: object["address"]?.objectValue ?? [:], aggregatedStatus: object["aggregatedStatus"]?.stringValue,
            installationType: object["installationType"]?.stringValue,
            registeredAt: object["registeredAt"]?.stringValue,
            updatedAt: object["updatedAt"]?.stringValue, accessLevel: object["accessLevel"]?.stringValue,
            ownershipType: object["ownershipType"]?.stringValue, brand: object["brand"]?.stringValue)
    }

    static func gateway(_ object: [String: JSONValue]) throws -> ViessmannGateway {
        let serial = ViessmannResponseReader.text(object["serial"]) ?? ""
        return ViessmannGateway(
            serial: serial, version: object["version"]?.stringValue ?? "", status: object["status"]?.stringValue ?? "",
            installationID: ViessmannResponseReader.text(object["installationId"]) ?? "",
            gatewayType: object["gatewayType"]?.stringValue, aggregatedStatus: object["aggregatedStatus"]?.stringValue,
            autoUpdate: object["autoUpdate"]?.boolValue, otaOngoing: object["otaOngoing"]?.boolValue,
            registeredAt: object["registeredAt"]?.stringValue,
            lastStatusChangedAt: object["lastStatusChangedAt"]?.stringValue)
    }

    static func device(_ object: [String: JSONValue], installationID: String, gatewaySerial: String) throws
        -> ViessmannDevice
    {
        let id = ViessmannResponseReader.text(object["id"]) ?? ""
        return ViessmannDevice(
            id: id, gatewaySerial: gatewaySerial, installationID: installationID,
            modelID: object["modelId"]?.stringValue ?? "", deviceType: object["deviceType"]?.stringValue ?? "",
            status: object["status"]?.stringValue ?? "",
            roles: object["roles"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    /// A command answer: `data` or, without it, the top level; `success` as a boolean or `"true"`/`"false"`.
    static func commandResponse(_ json: JSONValue) throws -> ViessmannCommandResponse {
        guard case .object(let root) = json else {
            throw ViessmannError(.invalidResponse, "the command answer is not a JSON object")
        }
        let body: [String: JSONValue]
        switch root["data"] {
        case nil: body = root
        case .object(let data)?: body = data
        default: throw ViessmannError(.invalidResponse, "the command answer's data is not an object")
        }
        let success: Bool
        switch body["success"] {
        case .bool(let flag)?: success = flag
        case .string(let text)?: success = text.lowercased() == "true"
        default: success = false
        }
        return ViessmannCommandResponse(
            success: success, message: body["message"]?.stringValue, reason: body["reason"]?.stringValue)
    }
}
