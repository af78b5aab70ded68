import Foundation

extension SandboxJSON {
    /// Why a body is not JSON.
    struct ParseError: Error, Equatable {
        let offset: Int
    }

    /// The deepest nesting read; deeper documents are refused rather than recursed into.
    static let maximumDepth = 128

    /// Parses a whole JSON document (surrounding white space allowed).
    ///
    /// - Throws: ``ParseError`` with the offset of the first byte that does not fit.
    static func parse(_ data: Data) throws -> SandboxJSON {
        var reader = Reader(bytes: Array(data))
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw ParseError(offset: reader.index) }
        return value
    }

    /// Parses a fixture or literal known to be valid; a broken one is a programming error in the sandbox.
    static func parse(literal text: String) -> SandboxJSON {
        (try? parse(Data(text.utf8))) ?? .null
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        func fail() -> ParseError { ParseError(offset: index) }

        mutating func value(depth: Int) throws(ParseError) -> SandboxJSON {
            guard depth < SandboxJSON.maximumDepth, index < bytes.count else { throw fail() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try keyword("true", .bool(true))
            case UInt8(ascii: "f"): return try keyword("false", .bool(false))
            case UInt8(ascii: "n"): return try keyword("null", .null)
            default: return try number()
            }
        }

        mutating func keyword(_ word: String, _ value: SandboxJSON) throws(ParseError) -> SandboxJSON {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw fail()
            }
            index += expected.count
            return value
        }

        mutating func object(depth: Int) throws(ParseError) -> SandboxJSON {
            index += 1
            var object = SandboxJSONObject()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail() }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail() }
                index += 1
                skipWhitespace()
                object[key] = try value(depth: depth + 1)
                skipWhitespace()
                guard index < bytes.count else { throw fail() }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw fail() }
                index += 1
                return .object(object)
            }
        }

        mutating func array(depth: Int) throws(ParseError) -> SandboxJSON {
            index += 1
            var elements: [SandboxJSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw fail() }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw fail() }
                index += 1
                return .array(elements)
            }
        }

        mutating func number() throws(ParseError) -> SandboxJSON {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { throw fail() }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fraction = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                guard index > fraction else { throw fail() }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                let exponent = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                guard index > exponent else { throw fail() }
            }
            return .number(String(decoding: bytes[start..<index], as: UTF8.self))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        mutating func string() throws(ParseError) -> String {
            index += 1
            var output: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: output, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw fail() }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
                    case UInt8(ascii: "b"): output.append(0x08)
                    case UInt8(ascii: "f"): output.append(0x0C)
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "r"): output.append(0x0D)
                    case UInt8(ascii: "t"): output.append(0x09)
                    case UInt8(ascii: "u"): output += try unicodeEscape()
                    default: throw fail()
                    }
                case 0x00..<0x20:
                    throw fail()
                default:
                    output.append(byte)
                }
            }
            throw fail()
        }

        /// `\uXXXX` (the `\u` already read), with a following low surrogate when this is a high one.
        mutating func unicodeEscape() throws(ParseError) -> [UInt8] {
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            return Array(String(Character(character)).utf8)
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail() }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw fail()
                }
                value = value * 16 + digit
            }
            index += 4
            return value
        }
    }
}
