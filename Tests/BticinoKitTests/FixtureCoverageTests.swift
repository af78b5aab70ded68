import Foundation
import TestSupport
import Testing
import VendorFixtures

@Suite("Fixtures")
struct FixtureCoverageTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test("every bticino fixture is used by a test by name")
    func everyFixtureUsed() throws {
        #expect(Fixture.paths(in: "bticino").count >= 40)
        let unused = try FixtureCoverage.unusedFixtures(of: "bticino", testsFolder: Self.testsFolder)
        #expect(unused.isEmpty, "unused fixtures: \(unused)")
    }

    @Test("every bticino JSON fixture is valid JSON")
    func fixturesParse() throws {
        let invalid = try FixtureCoverage.invalidJSONFixtures(of: "bticino")
        #expect(invalid.isEmpty, "invalid JSON: \(invalid)")
    }

    @Test("the 502 page is HTML")
    func errorPage() throws {
        #expect(try Fixture.text("bticino/error-502.html").contains("<html>"))
    }
}
