import Foundation

/// A JSON number, kept exactly as it was written and converted only when asked.
///
/// Servers send amounts, identifiers and measurements whose precision or range no single Swift
/// type covers: `1234.56` must not pass through binary floating point, an identifier of 20 digits
/// does not fit an `Int`, and `1e300` does not fit a `Decimal`. A `JSONNumber` stores the literal
/// text (for example `1.50` or `1E+2`) and converts it lazily with ``decimalValue``,
/// ``doubleValue``, ``intValue`` and ``int64Value``; none of them traps.
///
/// Two numbers are equal when they have the same value, however they are written: `1`, `1.0`,
/// `1e0` and `10E-1` are equal and hash alike, and `-0` equals `0`. Equality is exact decimal
/// equality, so `0.1` and `0.1000000000000000055511151231257827` differ.
///
/// Every `JSONNumber` has a finite value as a `Double` (like `JSONSerialization`, the reader
/// refuses `1e999`); a number too small for a `Double` reads as `0.0`.
public struct JSONNumber: Sendable {
    /// The literal, valid under the JSON number grammar of RFC 8259.
    let literal: String

    /// Wraps a literal that already passed the grammar and range checks.
    init(validatedLiteral literal: String) {
        self.literal = literal
    }

    /// Parses a JSON number literal such as `"42"`, `"-0.5"` or `"6.02e23"`.
    ///
    /// Returns `nil` for text that is not a JSON number (leading `+`, leading zeros, `.5`,
    /// whitespace, `NaN`, hexadecimal) and for a value too large for a `Double`.
    public init?(_ description: String) {
        let grammatical =
            description.utf8.withContiguousStorageIfAvailable { JSONNumber.isLiteral($0) }
            ?? JSONNumber.isLiteral(Array(description.utf8))
        guard grammatical else { return nil }
        let number = JSONNumber(validatedLiteral: description)
        guard number.doubleValue.isFinite else { return nil }
        self = number
    }

    /// An integer.
    public init(_ value: Int) {
        literal = String(value)
    }

    /// A `Double`, written in the shortest form that reads back as the same `Double`; `nil` for
    /// NaN and infinities, which JSON cannot express.
    ///
    /// Integral values are written without a fraction (`100`, not `100.0`), as `JSONEncoder` does.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        self.init(text)
    }

    /// A `Decimal`, written with all its digits; `nil` for NaN.
    public init?(_ value: Decimal) {
        guard !value.isNaN else { return nil }
        self.init(value.description)
    }

    /// Whether `bytes` is exactly one number under RFC 8259:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isLiteral<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func digits(_ index: inout Int) -> Int {
            let start = index
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            return index - start
        }
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&index) == 0 {
            return false
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&index) > 0 else { return false }
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&index) > 0 else { return false }
        }
        return index == end
    }
}

extension JSONNumber: CustomStringConvertible, LosslessStringConvertible {
    /// The number exactly as written (`1.50` stays `1.50`).
    public var description: String { literal }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) {
        self.init(value)
    }

    /// A floating-point literal, written in its shortest round-trip form (`0.1` stays `0.1`).
    ///
    /// JSON has no NaN or infinity, and this initializer cannot fail: a value that overflowed
    /// to infinity becomes the largest finite `Double` of its sign, and NaN becomes `0`.
    public init(floatLiteral value: Double) {
        let finite = value.isNaN ? 0 : min(max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
        self = JSONNumber(finite) ?? 0
    }
}
