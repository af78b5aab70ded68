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

@Suite("JSONValue inside Codable models")
struct JSONValueCodableTests {
    private struct Model: Codable, Equatable {
        var id: Int
        var extra: JSONValue
    }

    private func decode(_ text: String) throws -> Model {
        try JSONDecoder().decode(Model.self, from: Data(text.utf8))
    }

    @Test("a number out of Decimal's range decodes inside a model instead of failing the model")
    func hugeNumberInModel() throws {
        let model = try decode(#"{"id": 1, "extra": {"big": 1e128, "list": [1e300, -2.5e200]}}"#)
        #expect(model.extra["big"]?.doubleValue == 1e128)
        #expect(model.extra["list"]?[0]?.doubleValue == 1e300)
        #expect(model.extra["list"]?[1]?.doubleValue == -2.5e200)
    }

    @Test(
        "every kind decodes as itself; numbers in range exactly",
        arguments: [
            ("null", JSONValue.null), ("true", true), ("false", false), (#""1""#, "1"), ("0.1", 0.1), ("-7", -7),
            ("[1, \"a\", null]", [1, "a", nil]), (#"{"k": {"n": []}}"#, ["k": ["n": []]]), ("[]", []), ("{}", [:]),
        ] as [(String, JSONValue)])
    func kinds(_ text: String, _ expected: JSONValue) throws {
        let model = try decode(#"{"id": 1, "extra": \#(text)}"#)
        #expect(model.extra == expected)
        if case .number = expected { #expect(model.extra.decimalValue == expected.decimalValue) }
    }

    @Test("a decoder without a Decimal primitive still gives numbers, and every other kind")
    func propertyListDecoder() throws {
        struct Source: Encodable {
            var count = 3
            var ratio = 0.25
            var name = "x"
            var flag = true
            var list = [1, 2]
            var nested = ["k": "v"]
        }
        let data = try PropertyListEncoder().encode(Source())
        let value = try PropertyListDecoder().decode(JSONValue.self, from: data)
        #expect(value == ["count": 3, "ratio": 0.25, "name": "x", "flag": true, "list": [1, 2], "nested": ["k": "v"]])
    }

    @Test("encoding writes numbers exactly: Decimal in range, Double beyond it")
    func encoding() throws {
        let body = #"{"a": 0.1, "b": 1e300, "c": 12345678901234567.89, "d": [true, null]}"#
        let value = try JSONValue(jsonData: Data(body.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(Model(id: 1, extra: value)), as: UTF8.self)
        #expect(text == #"{"extra":{"a":0.1,"b":1e+300,"c":12345678901234567.89,"d":[true,null]},"id":1}"#)
        #expect(try JSONDecoder().decode(Model.self, from: Data(text.utf8)) == Model(id: 1, extra: value))
    }

    @Test("the number accessors read through JSONNumber")
    func accessors() throws {
        let value = try JSONValue(jsonData: Data(#"[2.50, 1e20, "x"]"#.utf8))
        #expect(value[0]?.numberValue?.description == "2.50")
        #expect(value[0]?.decimalValue == Decimal(string: "2.5"))
        #expect(value[0]?.doubleValue == 2.5)
        #expect(value[1]?.intValue == nil)
        #expect(value[1]?.doubleValue == 1e20)
        #expect(value[2]?.numberValue == nil)
        #expect(value[2]?.doubleValue == nil)
    }
}
