import AuthCore
import Foundation
import Testing
import VendorFixtures

@Suite("JSONValue")
struct JSONValueTests {
    @Test("decodes a fixture with every kind of value and reads it leniently")
    func decodesFixture() throws {
        let value = try JSONValue(jsonData: Fixture.data("authcore/widget.json"))
        #expect(value["id"]?.intValue == 42)
        #expect(value["name"]?.stringValue == "Widget & Co")
        #expect(value["price"]?.decimalValue == Decimal(string: "1234.56"))
        #expect(value["tags"]?[1]?.stringValue == "b")
        #expect(value["owner"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["price"]?.intValue == nil)
    }

    @Test("a decimal amount survives a round trip exactly")
    func decimalRoundTrip() throws {
        let value = try JSONValue(jsonData: Data(#"{"amount": 0.1, "big": 12345678901234567.89}"#.utf8))
        let text = String(decoding: try value.jsonData(), as: UTF8.self)
        #expect(text == #"{"amount":0.1,"big":12345678901234567.89}"#)
    }

    @Test("booleans stay booleans and are not numbers")
    func booleans() throws {
        let value = try JSONValue(jsonData: Data(#"[true, 1]"#.utf8))
        #expect(value[0] == .bool(true))
        #expect(value[1]?.intValue == 1)
        #expect(value[0]?.intValue == nil)
    }

    @Test("malformed JSON throws")
    func malformed() {
        #expect(throws: (any Error).self) { try JSONValue(jsonData: Data(#"{"a": "#.utf8)) }
    }
}
