import Foundation
import TestSupport
import Testing
import VendorFixtures

@Suite("Fixtures")
struct FixtureCoverageTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test("every utec fixture is used by a test by name")
    func everyFixtureUsed() throws {
        #expect(Fixture.paths(in: "utec").count >= 30)
        let unused = try FixtureCoverage.unusedFixtures(of: "utec", testsFolder: Self.testsFolder)
        #expect(unused.isEmpty, "unused fixtures: \(unused)")
    }

    @Test("every utec JSON fixture with a body is valid JSON")
    func fixturesParse() throws {
        let invalid = try FixtureCoverage.invalidJSONFixtures(of: "utec")
        #expect(invalid.isEmpty, "invalid JSON: \(invalid)")
    }

    @Test("the error page is HTML")
    func errorPage() throws {
        #expect(try Fixture.text("utec/error-page.html").contains("<html>"))
    }
}
