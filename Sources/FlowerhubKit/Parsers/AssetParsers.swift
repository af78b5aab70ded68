import AuthCore
import Foundation

/// Reads the asset-id discovery and asset bodies.
enum AssetParsers {
    /// The `assetId` of a `withAssetId` body; `nil` for `"assetId": null` (no error, as the portal sends it so).
    ///
    /// - Throws: "expected dict", "missing assetId field", or "Failed to parse assetId" for anything
    ///   but a valid id (``Lenient/id(_:)``: a fraction, zero or a negative number included), which
    ///   also tells the client to forget its stored id.
    static func assetId(_ json: JSONValue?) throws(PayloadIssue) -> Int? {
        let object = try PayloadShape.object(json, "withAssetId")
        guard let raw = object["assetId"] else { throw PayloadIssue("withAssetId: missing assetId field") }
        if raw.isNull { return nil }
        guard let id = Lenient.id(raw) else {
            let reason = "Failed to parse assetId: \(PayloadShape.kindName(raw)) is not a positive integer"
            throw PayloadIssue(reason, clearsStoredAssetId: true)
        }
        return id
    }

    /// The validated asset body, its typed reading and its status stamped with `now`.
    ///
    /// - Throws: "expected dict", "missing flowerHubStatus", or "flowerHubStatus.status is required and must be non-empty".
    static func assetFetch(_ json: JSONValue?, now: Date) throws(PayloadIssue) -> AssetFetch {
        let object = try PayloadShape.object(json, "asset")
        let status = try flowerHubStatus(object["flowerHubStatus"], now: now)
        return AssetFetch(assetInfo: object, asset: asset(object), flowerhubStatus: status)
    }

    /// Validates a `flowerHubStatus` object: `status` must be present and, if text, not blank;
    /// a non-text status is written as text (`0` → `"0"`).
    static func flowerHubStatus(_ json: JSONValue?, now: Date) throws(PayloadIssue) -> FlowerHubStatus {
        guard let object = json?.objectValue else {
            throw PayloadIssue("missing flowerHubStatus (expected dict, got \(PayloadShape.kindName(json)))")
        }
        let raw = object["status"]
        let blank = raw?.stringValue.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? false
        guard let status = Lenient.string(raw), !blank else {
            throw PayloadIssue("flowerHubStatus.status is required and must be non-empty")
        }
        return FlowerHubStatus(status: status, message: Lenient.string(object["message"]), updatedAt: now)
    }

    static func asset(_ object: [String: JSONValue]) -> Asset {
        Asset(
            id: Lenient.id(object["id"]),
            inverter: object["inverter"]?.objectValue.map(inverter),
            battery: object["battery"]?.objectValue.map(battery),
            fuseSize: Lenient.int(object["fuseSize"]),
            isInstalled: object["isInstalled"]?.boolValue
        )
    }

    static func inverter(_ object: [String: JSONValue]) -> Inverter {
        Inverter(
            manufacturerId: Lenient.int(object["manufacturerId"]),
            manufacturerName: Lenient.string(object["manufacturerName"]),
            inverterModelId: Lenient.int(object["inverterModelId"]),
            name: Lenient.string(object["name"]),
            numberOfBatteryStacksSupported: Lenient.int(object["numberOfBatteryStacksSupported"]),
            capacityId: Lenient.int(object["capacityId"]),
            powerCapacity: Lenient.double(object["powerCapacity"])
        )
    }

    static func battery(_ object: [String: JSONValue]) -> Battery {
        Battery(
            manufacturerId: Lenient.int(object["manufacturerId"]),
            manufacturerName: Lenient.string(object["manufacturerName"]),
            batteryModelId: Lenient.int(object["batteryModelId"]),
            name: Lenient.string(object["name"]),
            minNumberOfBatteryModules: Lenient.int(object["minNumberOfBatteryModules"]),
            maxNumberOfBatteryModules: Lenient.int(object["maxNumberOfBatteryModules"]),
            capacityId: Lenient.int(object["capacityId"]),
            energyCapacity: Lenient.double(object["energyCapacity"]),
            powerCapacity: Lenient.double(object["powerCapacity"])
        )
    }
}
