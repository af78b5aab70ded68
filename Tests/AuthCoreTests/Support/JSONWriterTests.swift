import AuthCore
import Foundation
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    private func text(_ value: JSONValue) throws -> String {
        String(decoding: try value.jsonData(), as: UTF8.self)
    }

    private func encoderText(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("output is byte for byte what JSONEncoder writes with sorted keys and unescaped slashes")
    func matchesJSONEncoder() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let awkward = controls + "\"\\/\u{7F}é中😀\u{2028}\u{2029}\u{FFFF}</script>"
        let value: JSONValue = [
            "a10": 1, "a2": -2, "B": true, "a": false, "É": nil, "e": "plain", "_": [], "A": [:],
            "ä": [1, "two", nil, [3.5]], "aa": ["nested": ["deeper": [0, 0.001, 1234.5, -7]]],
            awkward: .string(awkward), "": "", "url": "https://example.test/a/b?c=d&e=f",
        ]
        #expect(try text(value) == encoderText(value))
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) {
            let single = JSONValue.string(String(scalar))
            #expect(try text(single) == encoderText(single), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("control characters use the short escapes where JSON has them, else lowercase \\u00XX")
    func escapes() throws {
        #expect(try text("\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{1B}") == #""\b\f\n\r\t\u0000\u001f\u001b""#)
        #expect(try text("\"\\/") == #""\"\\/""#)
    }

    @Test("values nested deeper than the reader accepts are refused rather than overflowing the stack")
    func depthLimit() throws {
        func nested(_ depth: Int) -> JSONValue {
            (0..<depth).reduce(JSONValue.array([])) { inner, _ in .array([inner]) }
        }
        #expect(throws: Never.self) { try nested(511).jsonData() }
        #expect(throws: EncodingError.self) { try nested(512).jsonData() }
        let written = try nested(511).jsonData()
        #expect(try JSONValue(jsonData: written) == nested(511))
    }
}
