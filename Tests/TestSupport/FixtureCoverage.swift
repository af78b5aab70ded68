import Foundation
import VendorFixtures

/// Checks every kit's fixture folder the same way: each fixture is named by a test, and each JSON
/// fixture with a body is valid JSON.
public enum FixtureCoverage {
    /// The fixtures of `vendor` that no Swift file under `testsFolder` names (as `"name.json"` or
    /// `"vendor/name.json"`).
    public static func unusedFixtures(of vendor: String, testsFolder: URL) throws -> [String] {
        let files =
            FileManager.default.enumerator(at: testsFolder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        let sources = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        return Fixture.paths(in: vendor).filter { path in
            let name = String(path.dropFirst(vendor.count + 1))
            return !sources.contains("\"\(name)\"") && !sources.contains("\"\(path)\"")
        }
    }

    /// The JSON fixtures of `vendor` that have a body but do not parse as JSON.
    public static func invalidJSONFixtures(of vendor: String) throws -> [String] {
        try Fixture.paths(in: vendor).filter { path in
            guard path.hasSuffix(".json") else { return false }
            let data = try Fixture.data(path)
            guard !data.isEmpty else { return false }
            return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil
        }
    }
}
