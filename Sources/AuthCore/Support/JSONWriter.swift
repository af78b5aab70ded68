import Foundation

/// Writes a ``JSONValue`` as compact UTF-8 JSON with members sorted by name.
///
/// Numbers are written as their literal, so they come out exactly as they were read. Strings are
/// escaped as `JSONEncoder` does with `.withoutEscapingSlashes`: `"` and `\` with a backslash,
/// `\b \f \n \r \t` by name, other control characters as `\u00XX`, and everything else (`/`,
/// non-ASCII) as is. The output is the same as `JSONEncoder`'s with `[.sortedKeys,
/// .withoutEscapingSlashes]` for every value whose numbers are written the way `JSONEncoder`
/// writes them.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    /// Writes `value`, refusing nesting deeper than ``JSONValue/maximumNestingDepth`` so the
    /// output can be read back and writing cannot exhaust the stack.
    static func write(_ value: JSONValue) throws -> Data {
        var writer = JSONWriter()
        try writer.write(value, depth: 0)
        return Data(writer.bytes)
    }

    private mutating func write(_ value: JSONValue, depth: Int) throws {
        switch value {
        case .null:
            append("null")
        case .bool(let flag):
            append(flag ? "true" : "false")
        case .number(let number):
            bytes.append(contentsOf: number.literal.utf8)
        case .string(let text):
            writeString(text)
        case .array(let elements):
            try checkDepth(depth)
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(element, depth: depth + 1)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            try checkDepth(depth)
            bytes.append(UInt8(ascii: "{"))
            for (offset, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                try write(member.value, depth: depth + 1)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private func checkDepth(_ depth: Int) throws {
        guard depth < JSONValue.maximumNestingDepth else {
            throw EncodingError.invalidValue(
                depth,
                EncodingError.Context(codingPath: [], debugDescription: "JSON nested deeper than the reader accepts")
            )
        }
    }

    private mutating func append(_ word: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
