import Foundation
import Testing
import VendorFixtures

@Suite("Fixtures")
struct FixtureCoverageTests {
    /// The text of every test source in this target.
    static func testSources() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test("every flowerhub fixture is used by a test")
    func everyFixtureUsed() throws {
        let paths = Fixture.paths(in: "flowerhub")
        #expect(paths.count >= 40)
        let sources = try Self.testSources()
        for path in paths {
            let name = String(path.dropFirst("flowerhub/".count))
            #expect(sources.contains("\"\(name)\"") || sources.contains("\"\(path)\""), "unused fixture \(name)")
        }
    }

    @Test("every JSON fixture with a body is valid JSON; the empty ones are empty")
    func fixturesParse() throws {
        for path in Fixture.paths(in: "flowerhub") where path.hasSuffix(".json") {
            let data = try Fixture.data(path)
            if data.isEmpty { continue }
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path)")
        }
        #expect(try Fixture.data("flowerhub/error-401.json").isEmpty)
        #expect(try Fixture.data("flowerhub/error-429.json").isEmpty)
        #expect(try Fixture.text("flowerhub/error-500.html").contains("<html>"))
    }
}
