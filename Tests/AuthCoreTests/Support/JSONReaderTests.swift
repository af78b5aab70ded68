import AuthCore
import Foundation
import HTTPTypes
import Testing
import VendorFixtures

@Suite("JSON reader")
struct JSONReaderTests {
    private func read(_ text: String) throws -> JSONValue {
        try JSONValue(jsonData: Data(text.utf8))
    }

    private func readError(_ bytes: [UInt8]) -> JSONReadError? {
        do {
            _ = try JSONValue(jsonData: Data(bytes))
            return nil
        } catch {
            return error as? JSONReadError
        }
    }

    private func readError(_ text: String) -> JSONReadError? {
        readError(Array(text.utf8))
    }

    // MARK: - Behaviour changes

    @Test("a number of 1e128 or more no longer makes the whole body unreadable")
    func hugeNumbers() throws {
        let value = try read(#"{"id": 7, "big": 1e128, "bigger": -1e300, "tiny": 1e-400, "name": "x"}"#)
        #expect(value["id"]?.intValue == 7)
        #expect(value["big"]?.doubleValue == 1e128)
        #expect(value["bigger"]?.doubleValue == -1e300)
        #expect(value["tiny"]?.doubleValue == 0)
        #expect(value["name"]?.stringValue == "x")
        #expect(value["big"]?.numberValue?.description == "1e128")
    }

    @Test("of repeated member names the last one counts, at every depth")
    func duplicateKeysLastWins() throws {
        let value = try read(#"{"a": 1, "b": {"c": "first", "c": "second"}, "a": 2, "list": [{"k": 1, "k": null}]}"#)
        #expect(value["a"] == 2)
        #expect(value["b"]?["c"] == "second")
        #expect(value["list"]?[0]?["k"] == .null)
        #expect(value.objectValue?.count == 3)
        #expect(value["b"]?.objectValue?.count == 1)
    }

    // MARK: - Grammar

    @Test(
        "every kind of value reads, also alone at the top level",
        arguments: [
            ("null", JSONValue.null), ("true", true), ("false", false), ("0", 0), ("-12", -12),
            (#""""#, ""), (#""text""#, "text"), ("[]", []), ("{}", [:]), (" [ ] ", []), ("{ }", [:]),
            ("[1,\"a\",null,true,[],{}]", [1, "a", nil, true, [], [:]]),
            (#"{"a":{"b":[{"c":false}]}}"#, ["a": ["b": [["c": false]]]]),
            (" \t\r\n1\n\r\t ", 1), ("\r\n{\r\n\"a\"\r\n:\r\n1\r\n}\r\n", ["a": 1]),
        ] as [(String, JSONValue)])
    func values(_ text: String, _ expected: JSONValue) throws {
        #expect(try read(text) == expected)
    }

    @Test("every escape decodes, surrogate pairs included")
    func escapes() throws {
        let value = try read(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u00E9\uD83D\uDE00\u0000\u001F\u2028\uFFFF""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\tAéé😀\u{0}\u{1F}\u{2028}\u{FFFF}"))
        #expect(try read(#"{"k\u0065y": 1}"#)["key"] == 1)
        #expect(try read("\"é中😀\u{7F}\"") == "é中😀\u{7F}")
    }

    @Test(
        "documents that break the grammar are refused with the rule and the byte offset",
        arguments: [
            ("", JSONReadError.Reason.unexpectedEnd, 0), ("  \n", .unexpectedEnd, 3),
            ("[", .unexpectedEnd, 1), ("[1", .unexpectedEnd, 2), (#"{"a":"#, .unexpectedEnd, 5),
            (#"{"a""#, .unexpectedEnd, 4), (#""abc"#, .unexpectedEnd, 4), ("tru", .unexpectedEnd, 3),
            ("nul", .unexpectedEnd, 3), ("1.", .unexpectedEnd, 2), ("1e", .unexpectedEnd, 2),
            ("1e+", .unexpectedEnd, 3),
            ("-", .unexpectedEnd, 1), (#""\u12"#, .unexpectedEnd, 5), (#""\"#, .unexpectedEnd, 2),
            ("[1,]", .unexpectedCharacter, 3), (#"{"a":1,}"#, .unexpectedCharacter, 7),
            ("[,1]", .unexpectedCharacter, 1),
            ("[1 2]", .unexpectedCharacter, 3), (#"{"a" 1}"#, .unexpectedCharacter, 5),
            ("{1:2}", .unexpectedCharacter, 1),
            (#"{"a":1 "b":2}"#, .unexpectedCharacter, 7), ("[1}", .unexpectedCharacter, 2),
            (#"{"a":1]"#, .unexpectedCharacter, 6),
            ("+1", .unexpectedCharacter, 0), (".5", .unexpectedCharacter, 0), ("'a'", .unexpectedCharacter, 0),
            ("NaN", .unexpectedCharacter, 0), ("Infinity", .unexpectedCharacter, 0), ("True", .unexpectedCharacter, 0),
            ("nulL", .unexpectedCharacter, 3), ("\u{A0}1", .unexpectedCharacter, 0),
            ("\u{0C}1", .unexpectedCharacter, 0),
            ("\u{0B}1", .unexpectedCharacter, 0), ("// c\n1", .unexpectedCharacter, 0),
            ("01", .invalidNumber, 1), ("-01", .invalidNumber, 2), ("1.e5", .invalidNumber, 2),
            ("--1", .invalidNumber, 1),
            ("1e+-2", .invalidNumber, 3), ("-a", .invalidNumber, 1),
            ("1e999", .numberOutOfRange, 0), ("[0, -1e999]", .numberOutOfRange, 4), ("1.8e308", .numberOutOfRange, 0),
            (String(repeating: "9", count: 309), .numberOutOfRange, 0),
            (#""\x""#, .invalidEscape, 1), (#""\u12G4""#, .invalidEscape, 1), (#""\U0041""#, .invalidEscape, 1),
            (#""\uD800""#, .unpairedSurrogate, 1), (#""\uDC00""#, .unpairedSurrogate, 1),
            (#""\uD800\uD800""#, .unpairedSurrogate, 1), (#""\uD800\n""#, .unpairedSurrogate, 1),
            (#""a\uD800b""#, .unpairedSurrogate, 2),
            ("\"a\tb\"", .unescapedControlCharacter, 2), ("\"a\nb\"", .unescapedControlCharacter, 2),
            ("\"\u{0}\"", .unescapedControlCharacter, 1),
            ("1 x", .trailingCharacters, 2), ("[1]]", .trailingCharacters, 3), ("{} {}", .trailingCharacters, 3),
            ("truex", .trailingCharacters, 4), ("1 2", .trailingCharacters, 2),
        ])
    func refused(_ text: String, _ reason: JSONReadError.Reason, _ offset: Int) {
        #expect(readError(text) == JSONReadError(reason, at: offset))
    }

    @Test("one UTF-8 byte order mark at the start is skipped, as JSONSerialization does; any other is refused")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try JSONValue(jsonData: Data(bom + Array(#"{"a": [1]}"#.utf8))) == ["a": [1]])
        #expect(try JSONValue(jsonData: Data(bom + Array(" 1 ".utf8))) == 1)
        #expect(readError(bom) == JSONReadError(.unexpectedEnd, at: 3))
        #expect(readError(bom + bom + Array("1".utf8)) == JSONReadError(.unexpectedCharacter, at: 3))
        #expect(readError(Array(" ".utf8) + bom + Array("1".utf8)) == JSONReadError(.unexpectedCharacter, at: 1))
        #expect(readError(Array("1".utf8) + bom) == JSONReadError(.trailingCharacters, at: 1))
    }

    @Test(
        "bytes that are not UTF-8 are refused in strings, at the first bad byte, and outside them",
        arguments: [
            ([0xFF], 2), ([0xC3], 2), ([0xC0, 0xAF], 2), ([0xE0, 0x80, 0xAF], 2), ([0xED, 0xA0, 0x80], 2),
            ([0xF4, 0x90, 0x80, 0x80], 2), ([0xF8, 0x88, 0x80, 0x80, 0x80], 2), ([0x80], 2), ([0xE2, 0x82], 2),
            ([0xC3, 0xA9, 0xFF], 4), ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xFE], 11),
        ] as [([UInt8], Int)])
    func invalidUTF8(_ inside: [UInt8], _ offset: Int) {
        let document = Array(#"["#.utf8) + [UInt8(ascii: "\"")] + inside + [UInt8(ascii: "\""), UInt8(ascii: "]")]
        #expect(readError(document) == JSONReadError(.invalidUTF8, at: offset))
        // After an escape offsets shift, so the string's start is given instead.
        let escaped = Array(#"["\n"#.utf8) + inside + [UInt8(ascii: "\""), UInt8(ascii: "]")]
        #expect(readError(escaped) == JSONReadError(.invalidUTF8, at: 2))
        #expect(readError(inside + Array("1".utf8))?.reason == .unexpectedCharacter)
    }

    @Test("well-formed UTF-8 of every length reads, up to U+10FFFF")
    func validUTF8() throws {
        let text = "Aé\u{7FF}\u{800}中\u{D7FF}\u{E000}\u{FFFF}\u{10000}😀\u{10FFFF}"
        #expect(try read("\"\(text)\"") == .string(text))
        let long = String(repeating: "abcdefgé", count: 100)
        #expect(try read("[\"\(long)\"]") == [.string(long)])
    }

    @Test("nesting is limited to 512 arrays and objects; deeper input is an error, not a crash")
    func depthLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        #expect(JSONValue.maximumNestingDepth == 512)
        #expect(throws: Never.self) { try read(nested(512)) }
        #expect(readError(nested(513)) == JSONReadError(.nestingTooDeep, at: 512))
        #expect(readError(nested(200_000)) == JSONReadError(.nestingTooDeep, at: 512))
        let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(readError(objects) == JSONReadError(.nestingTooDeep, at: 512 * 5))
        let unclosed = String(repeating: "[", count: 100_000)
        #expect(readError(unclosed)?.reason == .nestingTooDeep)
    }

    @Test("every truncation of a fixture is refused as unexpected end")
    func truncatedDocuments() throws {
        for path in ["authcore/widget.json", "odyn/customers-page1.json", "flowerhub/asset.json"] {
            let bytes = Array(try Fixture.data(path))
            guard let last = bytes.lastIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }) else {
                Issue.record("\(path) has no closing bracket")
                continue
            }
            for length in 0..<last {
                #expect(readError(Array(bytes[..<length]))?.reason == .unexpectedEnd, "\(path) cut at \(length)")
            }
        }
    }

    @Test("errors name the offset and the rule, never the text of the body")
    func errorsDoNotEchoContent() {
        let secretBody = #"{"password": "hunter2-secret", "token": tru"#
        let error = readError(secretBody)
        #expect(error?.description == "invalid JSON at byte 43: unexpected end of input")
        #expect(error.map { String(describing: $0) }?.contains("hunter2") == false)
    }

    @Test("a malformed response body says where it broke, and still not what it held")
    func apiErrorNamesTheReadError() throws {
        let body = Data(#"{"token": "abc123secret", "ok": tru"#.utf8)
        let url = try #require(URL(string: "https://api.example.test/x"))
        let response = RawResponse(head: HTTPResponse(status: .ok), body: body, url: url)
        let error = try #require(throws: APIError.self) { try JSONResponse.parse(response) }
        #expect(error.kind == .invalidResponse)
        #expect(error.underlying is JSONReadError)
        #expect(error.description.contains("caused by invalid JSON at byte 35: unexpected end of input"))
        #expect(!error.description.contains("abc123secret"))
    }

    @Test("a small object after a large sibling does not keep room for the large one's members")
    func sizeHintIsBounded() throws {
        let large = "{" + (0..<5_000).map { #""k\#($0)":0"# }.joined(separator: ",") + "}"
        let value = try read("[\(large), {\"a\": 1}, {\"b\": 2}]")
        #expect(value[0]?.objectValue?.count == 5_000)
        let small = try #require(value[1]?.objectValue)
        #expect(small.count == 1)
        #expect(small.capacity < 1_000)
    }

    @Test("a long page reads with its records intact")
    func largeDocument() throws {
        let value = try JSONValue(jsonData: Fixture.data("odyn/customers-page1.json"))
        let records = try #require(value["value"]?.arrayValue)
        #expect(!records.isEmpty)
        #expect(records.allSatisfy { $0.objectValue != nil })
    }
}
