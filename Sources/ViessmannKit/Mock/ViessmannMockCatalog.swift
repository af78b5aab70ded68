import AuthCore
import Foundation

/// Named devices whose features are served offline by ``ViessmannMockClient``: each a body of the
/// features endpoint (`{"data":[…]}`, as captured from a real device), optionally with an analytics
/// answer under `<name>_analytics`.
public struct ViessmannMockCatalog: Sendable {
    private let devices: [String: Data]

    /// A catalog from bodies by device name.
    public init(devices: [String: Data]) {
        self.devices = devices
    }

    /// A catalog from the `<prefix><name>.json` files of a folder.
    ///
    /// - Throws: the file-system error when the folder cannot be read.
    public init(directory: URL, prefix: String = "") throws {
        var devices: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where name.hasPrefix(prefix) && name.hasSuffix(".json") {
            let stem = String(name.dropFirst(prefix.count).dropLast(".json".count))
            devices[stem] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        self.devices = devices
    }

    /// The device names, sorted; analytics bodies are not devices.
    public var availableDevices: [String] {
        devices.keys.filter { !$0.hasSuffix("_analytics") }.sorted()
    }

    /// The features body of a device.
    ///
    /// - Throws: ``ViessmannError`` `unknownMockDevice` naming the devices there are.
    public func features(of name: String) throws -> Data {
        guard !name.hasSuffix("_analytics"), let body = devices[name] else {
            throw ViessmannError(
                .unknownMockDevice,
                "no mock device '\(name)'; available: \(availableDevices.joined(separator: ", "))")
        }
        return body
    }

    /// The analytics body of a device, if the catalog has one.
    public func analytics(of name: String) -> Data? {
        devices[name + "_analytics"]
    }
}
