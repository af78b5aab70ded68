import Foundation

/// Access to the JSON fixtures in `Fixtures/`, shared by tests, the sandbox and the CLI.
public enum Fixture {
    /// The URL of a fixture file, given as `"<vendor>/<name>.json"`.
    public static func url(_ path: String) -> URL {
        guard let root = Bundle.module.resourceURL else {
            preconditionFailure("VendorFixtures bundle has no resource directory")
        }
        return root.appendingPathComponent(path)
    }

    /// The raw bytes of a fixture.
    ///
    /// - Throws: the file-system error when the fixture does not exist.
    public static func data(_ path: String) throws -> Data {
        try Data(contentsOf: url(path))
    }

    /// The fixture as text (for HTML and plain-text bodies).
    public static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    /// Every fixture path under one vendor folder, sorted.
    public static func paths(in vendor: String) -> [String] {
        let folder = url(vendor)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { "\(vendor)/\($0)" }
    }
}
