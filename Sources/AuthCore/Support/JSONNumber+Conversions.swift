import Foundation

extension JSONNumber {
    /// The nearest `Double`: always finite; `0.0` (or `-0.0`) for a value below `Double`'s range.
    public var doubleValue: Double {
        if let small = smallInteger { return Double(small) }
        // Beyond this length the literal is rewritten with fewer digits first, so a hostile
        // megabyte of digits costs linear time rather than whatever `strtod` does with it.
        if literal.utf8.count <= Self.maximumDirectDigits { return Double(literal) ?? 0 }
        return Double(truncatedLiteral) ?? 0
    }

    /// The value as a `Decimal`, or `nil` when it is outside the range this conversion covers:
    /// magnitudes from 1e-128 up to (not including) 1e165, and zero.
    ///
    /// At most 38 significant digits are kept; a longer significand is rounded half up.
    public var decimalValue: Decimal? {
        if let small = smallInteger { return Decimal(small) }
        return withParts { bytes, parts -> Decimal? in
            guard !parts.isZero else { return Decimal(0) }
            guard let (digits, exponent) = Self.decimalDigits(bytes, parts) else { return nil }
            let text = (parts.isNegative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e\(exponent)"
            return Decimal(string: text)
        }
    }

    /// The value as an `Int64` when it is an integer in range (`1.0` and `1e3` qualify; `1.5`,
    /// `1e20` and `9223372036854775808` do not).
    public var int64Value: Int64? {
        if let small = smallInteger { return small }
        return withParts { bytes, parts -> Int64? in
            guard !parts.isZero else { return 0 }
            guard parts.exponent >= 0, parts.digitCount + parts.exponent <= 19 else { return nil }
            var magnitude: UInt64 = 0
            parts.forEachDigit(in: bytes) { digit in
                magnitude = magnitude * 10 + UInt64(digit)
                return true
            }
            for _ in 0..<parts.exponent {
                let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                magnitude = product
            }
            guard parts.isNegative else { return Int64(exactly: magnitude) }
            if magnitude == UInt64(Int64.max) + 1 { return .min }
            return Int64(exactly: magnitude).map { -$0 }
        }
    }

    /// The value as an `Int` when it is an integer in range (see ``int64Value``).
    public var intValue: Int? {
        int64Value.flatMap { Int(exactly: $0) }
    }

    /// Literals up to this length go to `Double(_:)` as they are.
    static let maximumDirectDigits = 800

    /// The value of a plain integer literal of up to 18 characters (so it cannot overflow), the
    /// common case, read without taking the literal apart.
    private var smallInteger: Int64? {
        let utf8 = literal.utf8
        guard utf8.count <= 18 else { return nil }
        return Int64(literal)
    }

    /// The literal with its significand cut to `maximumDirectDigits` digits plus a final `1`
    /// standing for the rest. Every rounding boundary between two `Double`s has fewer significant
    /// digits than that, so the cut literal rounds to the same `Double` as the full one.
    private var truncatedLiteral: String {
        withParts { bytes, parts in
            guard !parts.isZero else { return parts.isNegative ? "-0" : "0" }
            var digits: [UInt8] = parts.isNegative ? [UInt8(ascii: "-")] : []
            digits.reserveCapacity(Self.maximumDirectDigits + 2)
            parts.forEachDigit(in: bytes) { digit in
                digits.append(digit + UInt8(ascii: "0"))
                return digits.count < Self.maximumDirectDigits
            }
            var exponent = parts.exponent
            let kept = digits.count - (parts.isNegative ? 1 : 0)
            if kept < parts.digitCount {
                digits.append(UInt8(ascii: "1"))
                exponent += parts.digitCount - kept - 1
            }
            return String(decoding: digits, as: UTF8.self) + "e\(exponent)"
        }
    }

    /// The significand (ASCII digits, at most 38) and exponent of the nearest `Decimal`, or `nil`
    /// when the value is outside `Decimal`'s exponent range of -128...127.
    private static func decimalDigits(
        _ bytes: UnsafeBufferPointer<UInt8>, _ parts: JSONNumberParts
    ) -> (digits: [UInt8], exponent: Int)? {
        let maximumDigits = 38
        // Anything below 1e-128 is out of range; checked before reading digits.
        guard parts.digitCount + parts.exponent >= -127 else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(maximumDigits + 1)
        parts.forEachDigit(in: bytes) { digit in
            digits.append(digit + UInt8(ascii: "0"))
            return digits.count <= maximumDigits
        }
        var exponent = parts.exponent + parts.digitCount - digits.count
        if digits.count > maximumDigits {
            round(&digits, keeping: maximumDigits, exponent: &exponent)
        }
        if exponent < -128 {
            round(&digits, keeping: digits.count - (-128 - exponent), exponent: &exponent)
        }
        if exponent > 127 {
            let padding = exponent - 127
            guard digits.count + padding <= maximumDigits else { return nil }
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: padding))
            exponent = 127
        }
        return (digits, exponent)
    }

    /// Rounds the ASCII significand half up to `keeping` digits (at least one), raising the
    /// exponent by the digits dropped, and strips trailing zeros a carry leaves.
    private static func round(_ digits: inout [UInt8], keeping: Int, exponent: inout Int) {
        let keeping = max(1, min(keeping, digits.count))
        let roundUp = keeping < digits.count && digits[keeping] >= UInt8(ascii: "5")
        exponent += digits.count - keeping
        digits.removeLast(digits.count - keeping)
        if roundUp {
            var index = digits.count - 1
            while index >= 0, digits[index] == UInt8(ascii: "9") {
                digits[index] = UInt8(ascii: "0")
                index -= 1
            }
            if index >= 0 { digits[index] += 1 } else { digits.insert(UInt8(ascii: "1"), at: 0) }
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
    }
}
