import Foundation
import TestSupport
import Testing
import VendorFixtures

@Suite("Fixtures")
struct FixtureCoverageTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test("every flowerhub fixture is used by a test by name")
    func everyFixtureUsed() throws {
        #expect(Fixture.paths(in: "flowerhub").count >= 40)
        let unused = try FixtureCoverage.unusedFixtures(of: "flowerhub", testsFolder: Self.testsFolder)
        #expect(unused.isEmpty, "unused fixtures: \(unused)")
    }

    @Test("every flowerhub JSON fixture with a body is valid JSON")
    func fixturesParse() throws {
        let invalid = try FixtureCoverage.invalidJSONFixtures(of: "flowerhub")
        #expect(invalid.isEmpty, "invalid JSON: \(invalid)")
    }
}

extension FixtureCoverageTests {
    @Test("the error fixtures the portal sends without a body are empty; its error page is HTML")
    func errorBodies() throws {
        #expect(try Fixture.data("flowerhub/error-401.json").isEmpty)
        #expect(try Fixture.data("flowerhub/error-429.json").isEmpty)
        #expect(try Fixture.text("flowerhub/error-500.html").contains("<html>"))
    }
}
