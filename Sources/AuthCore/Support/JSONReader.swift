import Foundation

/// A strict RFC 8259 reader from UTF-8 bytes straight into ``JSONValue``, in one pass.
///
/// Rules, chosen to agree with `JSONSerialization` wherever it follows the RFC:
/// - one value of any kind at the top level, surrounded only by space, tab, LF and CR; one UTF-8
///   byte order mark before it is skipped;
/// - a member name that appears twice keeps its last value;
/// - strings must be valid UTF-8 without unescaped control characters, and a `\u` escape of half
///   a surrogate pair must be followed by the other half;
/// - numbers keep their literal (see ``JSONNumber``); one too large for a `Double` is refused;
/// - arrays and objects nest at most ``JSONValue/maximumNestingDepth`` deep, so hostile input gets
///   an error rather than exhausting memory or the stack.
///
/// Where `JSONSerialization` is lax, this reader is not: it refuses trailing commas (`[1,]`); it
/// reads UTF-8 only (RFC 8259 section 8.1), not the UTF-16 and UTF-32 that `JSONSerialization`
/// guesses from zero bytes at the start; and it refuses a number too large for a `Double` even
/// where a later member of the same name replaces it (`JSONSerialization` checks only the last).
///
/// The parser keeps its own stack instead of recursing. Objects are built in place, sized from
/// the previous object at the same depth (the records of a page share their shape); array
/// elements wait on a shared stack, so each array is allocated once at its final size.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The open arrays and objects, innermost last.
    private var frames: [Frame] = []
    /// The elements read so far in open arrays.
    private var values: [JSONValue] = []
    /// The member count of the last object closed at each depth, up to `maximumSizeHint`.
    private var objectSizes: [Int] = []
    /// Caps the room reserved from a sibling's size, so a large object followed by small ones
    /// cannot make each of them reserve (and keep) room for many members.
    private static let maximumSizeHint = 128
    /// Reused buffer for strings with escapes.
    private var scratch: [UInt8] = []

    private struct Frame {
        let isObject: Bool
        /// Arrays: where the elements start on `values`.
        let valueStart: Int
        /// Objects: the members so far, and the name of the member being read.
        var members: [String: JSONValue] = [:]
        var name = ""
    }

    /// Reads one JSON document.
    static func read(_ data: Data) throws(JSONReadError) -> JSONValue {
        let result = data.withUnsafeBytes { raw -> Result<JSONValue, JSONReadError> in
            var reader = JSONReader(bytes: raw.assumingMemoryBound(to: UInt8.self))
            return Result { () throws(JSONReadError) in try reader.readDocument() }
        }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func readDocument() throws(JSONReadError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        let value = try readValue()
        skipWhitespace()
        guard index == bytes.count else { throw JSONReadError(.trailingCharacters, at: index) }
        return value
    }

    // MARK: - Structure

    private mutating func readValue() throws(JSONReadError) -> JSONValue {
        var value: JSONValue
        nextValue: while true {
            skipWhitespace()
            guard index < bytes.count else { throw JSONReadError(.unexpectedEnd, at: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard try open(isObject: true) else {
                    value = .object([:])
                    break
                }
                continue nextValue
            case UInt8(ascii: "["):
                guard try open(isObject: false) else {
                    value = .array([])
                    break
                }
                continue nextValue
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            case UInt8(ascii: "t"):
                try expect("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                value = .null
            default:
                throw JSONReadError(.unexpectedCharacter, at: index)
            }
            // The value is complete: add it to its container, and close every container it ends.
            while !frames.isEmpty {
                let top = frames.count - 1
                let isObject = frames[top].isObject
                if isObject {
                    // In document order, so a repeated name keeps its last value.
                    let name = frames[top].name
                    frames[top].members[name] = value
                } else {
                    values.append(value)
                }
                skipWhitespace()
                guard index < bytes.count else { throw JSONReadError(.unexpectedEnd, at: index) }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: ",") {
                    if isObject { frames[top].name = try readMemberName() }
                    continue nextValue
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw JSONReadError(.unexpectedCharacter, at: index - 1)
                }
                let frame = frames.removeLast()
                if isObject {
                    objectSizes[top] = min(frame.members.count, Self.maximumSizeHint)
                    value = .object(frame.members)
                } else {
                    value = .array(Array(values[frame.valueStart...]))
                    values.removeSubrange(frame.valueStart...)
                }
            }
            return value
        }
    }

    /// Opens the array or object whose bracket is at `index`; `false` when it is empty (and
    /// already closed).
    private mutating func open(isObject: Bool) throws(JSONReadError) -> Bool {
        let depth = frames.count
        guard depth < JSONValue.maximumNestingDepth else { throw JSONReadError(.nestingTooDeep, at: index) }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
            index += 1
            return false
        }
        var frame = Frame(isObject: isObject, valueStart: values.count)
        if isObject {
            while objectSizes.count <= depth { objectSizes.append(0) }
            frame.members = Dictionary(minimumCapacity: objectSizes[depth])
            frame.name = try readMemberName()
        }
        frames.append(frame)
        return true
    }

    /// Reads `"name"` and the `:` after it.
    private mutating func readMemberName() throws(JSONReadError) -> String {
        skipWhitespace()
        guard index < bytes.count else { throw JSONReadError(.unexpectedEnd, at: index) }
        guard bytes[index] == UInt8(ascii: "\"") else { throw JSONReadError(.unexpectedCharacter, at: index) }
        let name = try readString()
        skipWhitespace()
        guard index < bytes.count else { throw JSONReadError(.unexpectedEnd, at: index) }
        guard bytes[index] == UInt8(ascii: ":") else { throw JSONReadError(.unexpectedCharacter, at: index) }
        index += 1
        return name
    }

    // MARK: - Scalars

    private mutating func expect(_ word: StaticString) throws(JSONReadError) {
        let length = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
        for offset in 0..<length {
            guard index + offset < bytes.count else { throw JSONReadError(.unexpectedEnd, at: index + offset) }
            guard bytes[index + offset] == expected[offset] else {
                throw JSONReadError(.unexpectedCharacter, at: index + offset)
            }
        }
        index += length
    }

    private mutating func readNumber() throws(JSONReadError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw JSONReadError(.unexpectedEnd, at: index) }
        var integerDigits = 1
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw JSONReadError(.invalidNumber, at: index) }
        } else {
            integerDigits = try readDigits()
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            _ = try readDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            _ = try readDigits()
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        let number = JSONNumber(validatedLiteral: literal)
        // Without an exponent and with at most 308 integer digits a number is below 1e308 and so
        // finite; only the rest pays for a conversion.
        if hasExponent || integerDigits > 308, !number.doubleValue.isFinite {
            throw JSONReadError(.numberOutOfRange, at: start)
        }
        return number
    }

    /// Reads one or more digits and returns how many.
    private mutating func readDigits() throws(JSONReadError) -> Int {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        guard index > start else {
            throw JSONReadError(index < bytes.count ? .invalidNumber : .unexpectedEnd, at: index)
        }
        return index - start
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}

extension JSONReader {
    // MARK: - Strings

    /// Reads the string whose opening quote is at `index`.
    private mutating func readString() throws(JSONReadError) -> String {
        let start = index + 1
        var cursor = start
        var highBits: UInt64 = 0
        // Eight bytes at a time while none of them ends the plain run: a quote, a backslash or a
        // control character. Bytes of multi-byte UTF-8 sequences are all 0x80 or more, so they
        // can never be mistaken for one of these.
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            while cursor + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let isQuote = (quote &- ones) & ~quote
                let isBackslash = (backslash &- ones) & ~backslash
                let isControl = (word &- ones &* 0x20) & ~word
                if (isQuote | isBackslash | isControl) & high != 0 { break }
                highBits |= word
                cursor += 8
            }
        }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<cursor])
                return try Self.makeString(utf8, ascii: highBits & 0x8080_8080_8080_8080 == 0, at: start)
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(start: start, escapeAt: cursor) }
            if byte < 0x20 { throw JSONReadError(.unescapedControlCharacter, at: cursor) }
            highBits |= UInt64(byte)
            cursor += 1
        }
        throw JSONReadError(.unexpectedEnd, at: cursor)
    }

    /// Continues a string at its first backslash, unescaping into `scratch`.
    private mutating func readEscapedString(start: Int, escapeAt firstEscape: Int) throws(JSONReadError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var cursor = firstEscape
        while cursor < bytes.count {
            let byte = bytes[cursor]
            switch byte {
            case UInt8(ascii: "\""):
                index = cursor + 1
                // Escapes shift offsets, so an invalid sequence is reported at the string's start.
                return try scratch.withUnsafeBufferPointer { utf8 throws(JSONReadError) in
                    guard Self.firstInvalidUTF8(in: utf8) == nil else { throw JSONReadError(.invalidUTF8, at: start) }
                    return String(decoding: utf8, as: UTF8.self)
                }
            case UInt8(ascii: "\\"):
                cursor = try readEscape(at: cursor)
            case 0..<0x20:
                throw JSONReadError(.unescapedControlCharacter, at: cursor)
            default:
                scratch.append(byte)
                cursor += 1
            }
        }
        throw JSONReadError(.unexpectedEnd, at: cursor)
    }

    /// Appends the character escaped at `at` (a backslash) to `scratch`; returns the index after it.
    private mutating func readEscape(at escape: Int) throws(JSONReadError) -> Int {
        guard escape + 1 < bytes.count else { throw JSONReadError(.unexpectedEnd, at: escape + 1) }
        let simple: UInt8
        switch bytes[escape + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            return try readUnicodeEscape(at: escape)
        default:
            throw JSONReadError(.invalidEscape, at: escape)
        }
        scratch.append(simple)
        return escape + 2
    }

    /// Reads `\uXXXX` (and the low half after a high surrogate) at `escape`.
    private mutating func readUnicodeEscape(at escape: Int) throws(JSONReadError) -> Int {
        let unit = try hexUnit(at: escape + 2)
        var scalarValue = UInt32(unit)
        var next = escape + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next < bytes.count else { throw JSONReadError(.unexpectedEnd, at: next) }
            guard bytes[next] == UInt8(ascii: "\\") else { throw JSONReadError(.unpairedSurrogate, at: escape) }
            guard next + 1 < bytes.count else { throw JSONReadError(.unexpectedEnd, at: next + 1) }
            guard bytes[next + 1] == UInt8(ascii: "u") else { throw JSONReadError(.unpairedSurrogate, at: escape) }
            let low = try hexUnit(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONReadError(.unpairedSurrogate, at: escape) }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw JSONReadError(.unpairedSurrogate, at: escape)
        default:
            break
        }
        // Every value left is a valid scalar: surrogates were paired or refused above.
        guard let scalar = Unicode.Scalar(scalarValue) else { throw JSONReadError(.unpairedSurrogate, at: escape) }
        UTF8.encode(scalar) { scratch.append($0) }
        return next
    }

    /// The UTF-16 code unit written as four hex digits at `start`.
    private func hexUnit(at start: Int) throws(JSONReadError) -> UInt16 {
        var unit: UInt16 = 0
        for offset in 0..<4 {
            guard start + offset < bytes.count else { throw JSONReadError(.unexpectedEnd, at: start + offset) }
            let byte = bytes[start + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONReadError(.invalidEscape, at: start - 2)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// A `String` from UTF-8 bytes, refusing invalid UTF-8; `base` is the bytes' offset in the
    /// document, for the error.
    private static func makeString(
        _ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool, at base: Int
    ) throws(JSONReadError) -> String {
        if !ascii, let invalid = firstInvalidUTF8(in: utf8) {
            throw JSONReadError(.invalidUTF8, at: base + invalid)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or `nil` if all are well formed.
    static func firstInvalidUTF8(in utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = utf8.count
        while index < count {
            let lead = utf8[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                secondRange = 0xA0...0xBF
            case 0xED:
                length = 3
                secondRange = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0:
                length = 4
                secondRange = 0x90...0xBF
            case 0xF4:
                length = 4
                secondRange = 0x80...0x8F
            case 0xF1...0xF3: length = 4
            default: return index
            }
            guard index + 1 < count, secondRange.contains(utf8[index + 1]) else { return index }
            for offset in 2..<length {
                guard index + offset < count, utf8[index + offset] & 0xC0 == 0x80 else { return index }
            }
            index += length
        }
        return nil
    }
}
