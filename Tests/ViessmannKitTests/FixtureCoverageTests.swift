import Foundation
import TestSupport
import Testing
import VendorFixtures

@Suite("Fixtures")
struct FixtureCoverageTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test("every viessmann fixture is used by a test by name")
    func everyFixtureUsed() throws {
        #expect(Fixture.paths(in: "viessmann").count >= 40)
        let unused = try FixtureCoverage.unusedFixtures(of: "viessmann", testsFolder: Self.testsFolder)
        #expect(unused.isEmpty, "unused fixtures: \(unused)")
    }

    @Test("every viessmann JSON fixture is valid JSON except the deliberately truncated one")
    func fixturesParse() throws {
        let invalid = try FixtureCoverage.invalidJSONFixtures(of: "viessmann")
        #expect(invalid == ["viessmann/malformed-truncated.json"])
    }

    @Test("the token fixtures have the token endpoint's and the token file's shapes")
    func tokenShapes() throws {
        let file =
            try JSONSerialization.jsonObject(with: try Fixture.data("viessmann/token_file.json")) as? [String: Any]
        #expect(file?["client_id"] as? String == "my-client-123")
        #expect(file?["expires_at"] != nil)
        let token = try JSONSerialization.jsonObject(with: try Fixture.data("viessmann/token.json")) as? [String: Any]
        #expect(token?["expires_in"] as? Int == 3600)
    }
}
