import AuthCore
import Foundation
import Testing

@testable import ViessmannKit

@Suite("Answers of the wrong shape (scenario 12, later upstream's response validation)")
struct ResponseShapeTests {
    @Test("truncated JSON and HTML pages are APIError invalidResponse")
    func notJSON() throws {
        for name in ["malformed-truncated.json", "malformed-bad_gateway.html"] {
            #expect(throws: APIError.self, "\(name)") { try flatFeatures(name) }
            do {
                _ = try flatFeatures(name)
            } catch let error as APIError {
                #expect(error.kind == .invalidResponse)
            }
        }
        #expect(throws: APIError.self) { try ViessmannFeatureFlattener.features(from: Data()) }
    }

    @Test("data that is not a list, or entries that are not objects, are ViessmannError invalidResponse")
    func wrongShape() throws {
        for name in ["malformed-data_object.json", "malformed-data_strings.json"] {
            do {
                _ = try flatFeatures(name)
                Issue.record("\(name) was accepted")
            } catch let error as ViessmannError {
                #expect(error.code == .invalidResponse)
            }
        }
        #expect(throws: ViessmannError.self) { try ViessmannFeatureFlattener.features(from: Data("[1]".utf8)) }
        #expect(try ViessmannFeatureFlattener.features(from: Data("{}".utf8)).isEmpty)
    }

    @Test("two API features that flatten to one name are refused")
    func duplicates() {
        do {
            _ = try flatFeatures("malformed-duplicate_names.json")
            Issue.record("duplicates accepted")
        } catch let error as ViessmannError {
            #expect(error.code == .invalidResponse)
            #expect(error.message.contains("heating.a.b"))
        } catch {
            Issue.record("untyped \(error)")
        }
    }

    @Test("features without a name or properties: 'unknown' and nothing")
    func missingFields() throws {
        let features = try flatFeatures("malformed-missing_fields.json")
        #expect(features.map(\.name) == ["unknown"])
    }

    @Test("the large payload (>= 1,000 API features) parses and flattens")
    func large() throws {
        let json = try JSONValue(jsonData: fixture("features_large.json"))
        #expect((json["data"]?.arrayValue?.count ?? 0) >= 1000)
        let features = try flatFeatures("features_large.json")
        #expect(features.count > 1000)
        #expect(features.contains { $0.name == "heating.zone7.circuits.1.heating.curve.slope" && $0.isWritable })
    }
}
