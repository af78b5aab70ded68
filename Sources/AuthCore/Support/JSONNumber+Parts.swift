/// A number literal taken apart as `sign × significand × 10^exponent`, where the significand is
/// the run of digits from the first to the last non-zero digit (the `.` skipped). `1.50`, `15e-1`
/// and `0.150E1` all give the significand `15` and the exponent `-1`; every zero gives no digits.
///
/// The parts index into the literal's bytes, so taking a number apart allocates nothing.
struct JSONNumberParts {
    /// Literal exponents beyond this are saturated. Only numbers far below `Double`'s smallest
    /// value can get there (the reader refuses overflowing ones), and all of them read as `0.0`;
    /// saturating keeps the arithmetic on exponents and digit counts free of overflow traps.
    /// Two such numbers that differ only beyond the limit compare equal.
    static let exponentLimit = Int.max / 4

    /// Whether the literal starts with `-` (also for `-0`).
    let isNegative: Bool
    /// Index of the first significant digit.
    let first: Int
    /// Index of the last significant digit (inclusive).
    let last: Int
    /// Number of significant digits; `0` for zero.
    let digitCount: Int
    /// The power of ten of the last significant digit.
    let exponent: Int

    /// Whether the value is zero (`0`, `-0.0`, `0e5`...).
    var isZero: Bool { digitCount == 0 }

    /// Takes apart a literal that is valid under the JSON number grammar.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = 0
        isNegative = count > 0 && bytes[0] == UInt8(ascii: "-")
        if isNegative { index = 1 }
        var dot = -1
        var first = -1
        var last = -1
        while index < count, bytes[index] | 0x20 != UInt8(ascii: "e") {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                dot = index
            } else if byte != UInt8(ascii: "0") {
                if first < 0 { first = index }
                last = index
            }
            index += 1
        }
        let mantissaEnd = index
        var literalExponent = 0
        var exponentIsNegative = false
        if index < count {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < count {
                let digit = Int(bytes[index] &- UInt8(ascii: "0"))
                literalExponent =
                    literalExponent <= (Self.exponentLimit - 9) / 10
                    ? literalExponent * 10 + digit : Self.exponentLimit
                index += 1
            }
        }
        if dot < 0 { dot = mantissaEnd }
        self.first = first
        self.last = last
        guard first >= 0 else {
            digitCount = 0
            exponent = 0
            return
        }
        digitCount = last - first + 1 - (first < dot && dot < last ? 1 : 0)
        let placeOfLast = last < dot ? dot - 1 - last : dot - last
        exponent = (exponentIsNegative ? -literalExponent : literalExponent) + placeOfLast
    }

    /// Calls `body` with each significant digit's value (0...9), first to last, until it returns
    /// `false`.
    func forEachDigit(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Bool) {
        guard !isZero else { return }
        for index in first...last where bytes[index] != UInt8(ascii: ".") {
            guard body(bytes[index] &- UInt8(ascii: "0")) else { return }
        }
    }
}

extension JSONNumber {
    /// Calls `body` with the literal's bytes and its parts.
    func withParts<Result>(_ body: (UnsafeBufferPointer<UInt8>, JSONNumberParts) -> Result) -> Result {
        var text = literal
        return text.withUTF8 { bytes in body(bytes, JSONNumberParts(bytes)) }
    }
}
