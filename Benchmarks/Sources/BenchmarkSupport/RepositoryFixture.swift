import Foundation

/// The repository's JSON fixtures (`Fixtures/`), read from the checkout: the root package's
/// fixtures target is internal to it.
public enum RepositoryFixture {
    /// The bytes of `Fixtures/<path>`, for example `"flowerhub/invoices.json"`.
    ///
    /// - Throws: the file-system error when the file is missing.
    public static func data(_ path: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // BenchmarkSupport
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Benchmarks (the package)
            .deletingLastPathComponent()  // the repository
        return try Data(contentsOf: root.appendingPathComponent("Fixtures").appendingPathComponent(path))
    }
}
