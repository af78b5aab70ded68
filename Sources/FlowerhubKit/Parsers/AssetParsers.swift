import AuthCore
import Foundation

/// Reads the asset-id discovery and asset bodies.
enum AssetParsers {
    /// The `assetId` of a `withAssetId` body; `nil` for `"assetId": null` (no error, as the portal sends it so).
    ///
    /// - Throws: "expected dict", "missing assetId field", or "Failed to parse assetId" for anything
    ///   but a valid id (``JSONValue/positiveIdentifier``: a fraction, zero or a negative number included), which
    ///   also tells the client to forget its stored id.
    static func assetId(_ json: JSONValue?) throws(PayloadIssue) -> Int? {
        let object = try PayloadShape.object(json, "withAssetId")
        guard let raw = object["assetId"] else { throw PayloadIssue("withAssetId: missing assetId field") }
        if raw.isNull { return nil }
        guard let id = raw.positiveIdentifier else {
            let reason = "Failed to parse assetId: \(PayloadShape.kindName(raw)) is not a positive integer"
            throw PayloadIssue(reason, clearsStoredAssetId: true)
        }
        return id
    }

    /// The validated asset body, its typed reading and its status stamped with `now`.
    ///
    /// - Throws: "expected dict", "missing flowerHubStatus", or "flowerHubStatus.status is required and must be non-empty".
    static func assetFetch(_ json: JSONValue?, now: Date) throws(PayloadIssue) -> FlowerhubAssetFetch {
        let object = try PayloadShape.object(json, "asset")
        let status = try flowerhubStatus(object["flowerHubStatus"], now: now)
        return FlowerhubAssetFetch(assetInfo: object, asset: asset(object), flowerhubStatus: status)
    }

    /// Validates a `flowerHubStatus` object: `status` must be present and, if text, not blank;
    /// a non-text status is written as text (`0` → `"0"`).
    static func flowerhubStatus(_ json: JSONValue?, now: Date) throws(PayloadIssue) -> FlowerhubStatus {
        guard let object = json?.objectValue else {
            throw PayloadIssue("missing flowerHubStatus (expected dict, got \(PayloadShape.kindName(json)))")
        }
        let raw = object["status"]
        let blank = raw?.stringValue.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? false
        guard let status = raw?.lenientString, !blank else {
            throw PayloadIssue("flowerHubStatus.status is required and must be non-empty")
        }
        return FlowerhubStatus(status: status, message: object["message"]?.lenientString, updatedAt: now)
    }

    static func asset(_ object: [String: JSONValue]) -> FlowerhubAsset {
        FlowerhubAsset(
            id: object["id"]?.positiveIdentifier,
            inverter: object["inverter"]?.objectValue.map(inverter),
            battery: object["battery"]?.objectValue.map(battery),
            fuseSize: object["fuseSize"]?.lenientInt,
            isInstalled: object["isInstalled"]?.boolValue
        )
    }

    static func inverter(_ object: [String: JSONValue]) -> FlowerhubInverter {
        FlowerhubInverter(
            manufacturerId: object["manufacturerId"]?.lenientInt,
            manufacturerName: object["manufacturerName"]?.lenientString,
            inverterModelId: object["inverterModelId"]?.lenientInt,
            name: object["name"]?.lenientString,
            numberOfBatteryStacksSupported: object["numberOfBatteryStacksSupported"]?.lenientInt,
            capacityId: object["capacityId"]?.lenientInt,
            powerCapacity: object["powerCapacity"]?.lenientDouble
        )
    }

    static func battery(_ object: [String: JSONValue]) -> FlowerhubBattery {
        FlowerhubBattery(
            manufacturerId: object["manufacturerId"]?.lenientInt,
            manufacturerName: object["manufacturerName"]?.lenientString,
            batteryModelId: object["batteryModelId"]?.lenientInt,
            name: object["name"]?.lenientString,
            minNumberOfBatteryModules: object["minNumberOfBatteryModules"]?.lenientInt,
            maxNumberOfBatteryModules: object["maxNumberOfBatteryModules"]?.lenientInt,
            capacityId: object["capacityId"]?.lenientInt,
            energyCapacity: object["energyCapacity"]?.lenientDouble,
            powerCapacity: object["powerCapacity"]?.lenientDouble
        )
    }
}
