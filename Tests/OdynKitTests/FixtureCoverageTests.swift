import Foundation
import TestSupport
import Testing
import VendorFixtures

@Suite("Fixtures")
struct FixtureCoverageTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test("every odyn fixture is used by a test by name")
    func everyFixtureUsed() throws {
        #expect(Fixture.paths(in: "odyn").count >= 27)
        let unused = try FixtureCoverage.unusedFixtures(of: "odyn", testsFolder: Self.testsFolder)
        #expect(unused.isEmpty, "unused fixtures: \(unused)")
    }

    @Test("every odyn JSON fixture with a body is valid JSON")
    func fixturesParse() throws {
        let invalid = try FixtureCoverage.invalidJSONFixtures(of: "odyn")
        #expect(invalid.isEmpty, "invalid JSON: \(invalid)")
    }
}

extension FixtureCoverageTests {
    @Test("the Business Central error page is HTML")
    func errorPage() throws {
        #expect(try Fixture.text("odyn/error-page.html").contains("<html>"))
    }
}
