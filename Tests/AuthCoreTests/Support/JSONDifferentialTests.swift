import AuthCore
import Foundation
import Testing
import VendorFixtures

/// The JSON reader against `JSONSerialization` on the same bytes: both accept (and read the same
/// value) or both refuse.
///
/// Deliberate disagreements, where `JSONSerialization` departs from RFC 8259 and the reader does
/// not:
/// - `JSONSerialization` accepts a trailing comma (`[1,]`, `{"a":1,}`); the reader refuses it.
/// - `JSONSerialization` reads UTF-16 and UTF-32 when it finds a zero byte among the first four
///   (or a UTF-16/32 byte order mark); the reader reads UTF-8 only and refuses those bytes.
/// - `JSONSerialization` checks a number's range only when it builds the value, so a number too
///   large for a `Double` (`1e999`) goes unnoticed when a later member of the same name replaces
///   it (`{"a":1e999,"a":1}`); the reader refuses it wherever it stands.
/// Only these three are excused, and only for inputs that show them: for the last, the document
/// with that number written as `0` must then read the same in both.
@Suite("JSON reader agrees with JSONSerialization")
struct JSONDifferentialTests {
    @Test("every fixture, JSON or not, reads the same")
    func fixtures() throws {
        var checked = 0
        for vendor in ["authcore", "flowerhub", "odyn"] {
            for path in Fixture.paths(in: vendor) {
                try expectAgreement(Array(Fixture.data(path)), label: path)
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test("seeded generated documents read the same, and the reader's value writes back to itself")
    func generatedDocuments() throws {
        var generator = JSONDocumentGenerator(seed: 0x5EED_0001)
        var accepted = 0
        for round in 0..<1_000 {
            let document = generator.document()
            if try expectAgreement(document, label: "generated #\(round)") {
                accepted += 1
                let value = try JSONValue(jsonData: Data(document))
                #expect(try JSONValue(jsonData: value.jsonData()) == value, "generated #\(round)")
            }
        }
        // Only the out-of-range numbers among the edges make a generated document invalid.
        #expect(accepted > 750)
    }

    @Test("seeded mutations of fixtures and generated documents are accepted or refused alike")
    func mutations() throws {
        var generator = JSONDocumentGenerator(seed: 0x5EED_0002)
        var bases: [[UInt8]] = try ["authcore", "flowerhub", "odyn"]
            .flatMap { Fixture.paths(in: $0) }
            .filter { $0.hasSuffix(".json") }
            .map { Array(try Fixture.data($0)) }
        for _ in 0..<60 { bases.append(generator.document()) }
        var refused = 0
        for round in 0..<20_000 {
            let base = bases[generator.int(below: bases.count)]
            let mutant = generator.mutate(base)
            if try !expectAgreement(mutant, label: "mutant #\(round)") { refused += 1 }
        }
        // Mutations are mostly fatal; a suite that refused nothing would not be testing much.
        #expect(refused > 5_000)
    }

    @Test("nesting at and past the 512 limit reads the same")
    func nesting() throws {
        for depth in [511, 512, 513, 600] {
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            try expectAgreement(Array(arrays.utf8), label: "arrays \(depth)")
            let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            try expectAgreement(Array(objects.utf8), label: "objects \(depth)")
            let half = depth / 2
            let mixed = String(repeating: #"[{"a":"#, count: half) + "[]" + String(repeating: "}]", count: half)
            try expectAgreement(Array(mixed.utf8), label: "mixed \(depth)")
        }
    }

    @Test("the two excused disagreements are what they claim to be")
    func excusedDisagreements() throws {
        for text in ["[1,]", #"{"a":1,}"#, "[[],]", #"{"a":1e999,"a":1}"#] {
            #expect(throws: JSONReadError.self) { try JSONValue(jsonData: Data(text.utf8)) }
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil)
        }
        let utf16 = Data([0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00])
        #expect(throws: JSONReadError.self) { try JSONValue(jsonData: utf16) }
        #expect((try? JSONSerialization.jsonObject(with: utf16, options: [.fragmentsAllowed])) != nil)
    }

    // MARK: - Comparison

    /// Checks that the reader and `JSONSerialization` agree on `bytes`; returns whether the reader
    /// accepted it.
    @discardableResult
    private func expectAgreement(_ bytes: [UInt8], label: String) throws -> Bool {
        let data = Data(bytes)
        let ours = Result { try JSONValue(jsonData: data) }
        let theirs = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let shown = String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription
        if Self.looksLikeUTF16Or32(bytes) {
            #expect(throws: JSONReadError.self, "\(label): not UTF-8, \(shown)") { try ours.get() }
            return false
        }
        switch (ours, theirs) {
        case (.success(let value), let object?):
            #expect(Self.same(value, object), "\(label): different values for \(shown)")
            return true
        case (.failure, nil):
            return false
        case (.success, nil):
            Issue.record("\(label): only the reader accepts \(shown)")
            return true
        case (.failure(let error), _?):
            if let error = error as? JSONReadError {
                if Self.isTrailingComma(bytes, error) { return false }
                if error.reason == .numberOutOfRange {
                    try expectAgreement(Self.zeroingNumber(at: error.offset, in: bytes), label: label + " (zeroed)")
                    return false
                }
            }
            Issue.record("\(label): only JSONSerialization accepts \(shown) (\(error))")
            return false
        }
    }

    /// What `JSONSerialization` takes for UTF-16 or UTF-32: a zero byte among the first four, or
    /// a UTF-16 byte order mark.
    private static func looksLikeUTF16Or32(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(4).contains(0) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
    }

    /// Whether the reader stopped at a closing bracket right after a comma.
    private static func isTrailingComma(_ bytes: [UInt8], _ error: JSONReadError) -> Bool {
        guard error.reason == .unexpectedCharacter, bytes.indices.contains(error.offset),
            bytes[error.offset] == UInt8(ascii: "]") || bytes[error.offset] == UInt8(ascii: "}")
        else { return false }
        let before = bytes[..<error.offset].last { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        return before == UInt8(ascii: ",")
    }

    /// `bytes` with the number literal at `offset` replaced by `0`.
    private static func zeroingNumber(at offset: Int, in bytes: [UInt8]) -> [UInt8] {
        let numberBytes = Set("+-.eE0123456789".utf8)
        let end = bytes[offset...].firstIndex { !numberBytes.contains($0) } ?? bytes.endIndex
        var zeroed = bytes
        zeroed.replaceSubrange(offset..<end, with: [UInt8(ascii: "0")])
        return zeroed
    }

    private static let booleanType = type(of: NSNumber(value: true))

    /// Same structure, equal strings, numbers equal as `Double`s (within rounding for the
    /// `NSDecimalNumber`s `JSONSerialization` makes of long numbers).
    private static func same(_ value: JSONValue, _ object: Any) -> Bool {
        switch value {
        case .null:
            return object is NSNull
        case .bool(let flag):
            guard type(of: object) == booleanType, let number = object as? NSNumber else { return false }
            return number.boolValue == flag
        case .number(let number):
            guard type(of: object) != booleanType, let other = object as? NSNumber else { return false }
            let mine = number.doubleValue
            let theirs = other.doubleValue
            return mine == theirs || abs(mine - theirs) <= max(abs(mine), abs(theirs)) * 1e-14
        case .string(let text):
            return (object as? String) == text
        case .array(let elements):
            guard let others = object as? [Any], others.count == elements.count else { return false }
            return zip(elements, others).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let others = object as? [String: Any], others.count == members.count else { return false }
            return members.allSatisfy { key, member in others[key].map { same(member, $0) } ?? false }
        }
    }
}

/// Seeded random JSON text with the corners the grammar has: every escape, surrogate pairs, raw
/// multi-byte UTF-8, numbers in every form and at the edges of `Double`, repeated member names,
/// scalars at the top level, assorted whitespace and a byte order mark now and then.
struct JSONDocumentGenerator {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(source: .seeded(seed))
    }

    mutating func int(below bound: Int) -> Int {
        Int.random(in: 0..<bound, using: &random)
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[int(below: choices.count)]
    }

    mutating func document() -> [UInt8] {
        var out: [UInt8] = int(below: 20) == 0 ? [0xEF, 0xBB, 0xBF] : []
        whitespace(&out)
        value(&out, depth: 0)
        whitespace(&out)
        return out
    }

    /// One of: cut short, one byte replaced, one byte inserted, one byte deleted, a slice repeated.
    mutating func mutate(_ base: [UInt8]) -> [UInt8] {
        var bytes = base
        let interesting: [UInt8] =
            Array(#"{}[]",:\"-+.eE0159tfnu "#.utf8)
            + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xEF, 0xF4, 0xFF]
        let byte = int(below: 2) == 0 ? pick(interesting) : UInt8.random(in: 0...255, using: &random)
        let position = bytes.isEmpty ? 0 : int(below: bytes.count)
        switch int(below: 5) {
        case 0: bytes.removeSubrange(position...)
        case 1 where !bytes.isEmpty: bytes[position] = byte
        case 2: bytes.insert(byte, at: position)
        case 3 where !bytes.isEmpty: bytes.remove(at: position)
        default:
            let end = min(bytes.count, position + int(below: 12))
            bytes.insert(contentsOf: bytes[position..<end], at: position)
        }
        return bytes
    }

    private mutating func whitespace(_ out: inout [UInt8]) {
        out.append(contentsOf: pick(["", "", "", " ", "\n", "\t", "\r\n  ", "  "]).utf8)
    }

    private mutating func value(_ out: inout [UInt8], depth: Int) {
        switch depth > 4 ? int(below: 4) : int(below: 7) {
        case 0: out.append(contentsOf: pick(["true", "false", "null"]).utf8)
        case 1, 2: number(&out)
        case 3: string(&out)
        case 4, 5: object(&out, depth: depth)
        default: array(&out, depth: depth)
        }
    }

    private mutating func array(_ out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "["))
        whitespace(&out)
        for index in 0..<int(below: 6) {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            whitespace(&out)
            value(&out, depth: depth + 1)
            whitespace(&out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private mutating func object(_ out: inout [UInt8], depth: Int) {
        let names = ["id", "name", "a", "b", "value", "@odata.etag", "émoji", "k\\u0065y", "dup"]
        out.append(UInt8(ascii: "{"))
        whitespace(&out)
        for index in 0..<int(below: 7) {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            whitespace(&out)
            if int(below: 3) == 0 { string(&out) } else { out.append(contentsOf: "\"\(pick(names))\"".utf8) }
            whitespace(&out)
            out.append(UInt8(ascii: ":"))
            whitespace(&out)
            value(&out, depth: depth + 1)
            whitespace(&out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private mutating func number(_ out: inout [UInt8]) {
        let edges = [
            "0", "-0", "-0.0", "0e0", "1E+2", "1e-2", "1e007", "0.1", "1e128", "-1e128", "1e300", "1e308",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e999",
            "4.9e-324", "2e-324", "1e-400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "123456789012345678901234567890", "1234567890.1234567890123456789012345",
            "0.000000000000000000000000000000000001", String(repeating: "9", count: 309),
        ]
        if int(below: 3) == 0 {
            out.append(contentsOf: pick(edges).utf8)
            return
        }
        var text = int(below: 4) == 0 ? "-" : ""
        text += int(below: 5) == 0 ? "0" : String(Int.random(in: 1...Int(Int32.max), using: &random))
        if int(below: 2) == 0 { text += "." + String(Int.random(in: 0...999_999, using: &random)) }
        if int(below: 4) == 0 {
            text += pick(["e", "E"]) + pick(["", "+", "-"]) + String(int(below: 320))
        }
        out.append(contentsOf: text.utf8)
    }

    private mutating func string(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for _ in 0..<int(below: 12) {
            switch int(below: 10) {
            case 0:
                out.append(contentsOf: pick([#"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#]).utf8)
            case 1:
                let unit = pick([0x0000, 0x001F, 0x0041, 0x00E9, 0x2028, 0xFFFF, 0xD7FF, 0xE000])
                let hex = String(unit, radix: 16, uppercase: int(below: 2) == 0)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            case 2:
                out.append(contentsOf: pick([#"\uD83D\uDE00"#, #"\ud800\udc00"#, #"\uDBFF\uDFFF"#]).utf8)
            case 3:
                out.append(contentsOf: pick(["é", "中", "😀", "\u{2028}", "\u{7F}", "\u{FFFF}", "\u{10FFFF}"]).utf8)
            default:
                out.append(contentsOf: pick(["a", "Z", "0", " ", "/", "Adatum", "W/", "'"]).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A `RandomNumberGenerator` over AuthCore's seeded SplitMix64 source.
struct SeededRandom: RandomNumberGenerator {
    let source: RandomSource

    mutating func next() -> UInt64 { source.next() }
}
