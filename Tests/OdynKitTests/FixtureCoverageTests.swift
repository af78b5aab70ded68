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

    @Test("every odyn fixture is used by a test by name")
    func everyFixtureUsed() throws {
        let paths = Fixture.paths(in: "odyn")
        #expect(paths.count >= 27)
        let sources = try Self.testSources()
        for path in paths {
            let name = String(path.dropFirst("odyn/".count))
            #expect(sources.contains("\"\(name)\"") || sources.contains("\"\(path)\""), "unused fixture \(name)")
        }
    }

    @Test("every JSON fixture is valid JSON; the HTML page is HTML")
    func fixturesParse() throws {
        for path in Fixture.paths(in: "odyn") where path.hasSuffix(".json") {
            let data = try Fixture.data(path)
            #expect((try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil, "\(path)")
        }
        #expect(try Fixture.text("odyn/error-page.html").contains("<html>"))
    }
}
