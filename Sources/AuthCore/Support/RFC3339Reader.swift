/// Reads the parts of an RFC 3339 timestamp from UTF-8 bytes, front to back, without allocating.
/// Each method consumes its part and returns `nil` (leaving the position unspecified) when the
/// bytes do not match; callers give up on the first `nil`.
struct RFC3339Reader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { position == bytes.count }

    /// `YYYY-MM-DD`, a day that exists.
    mutating func fullDate() -> RFC3339.FullDate? {
        guard let year = digits(4), take(0x2D), let month = digits(2), take(0x2D), let day = digits(2) else {
            return nil
        }
        return RFC3339.FullDate(year: year, month: month, day: day)
    }

    /// `hh:mm:ss` as seconds into the day; hours to 23, minutes and seconds to 59.
    mutating func timeOfDay() -> Int? {
        guard let hour = digits(2), hour < 24, take(0x3A), let minute = digits(2), minute < 60, take(0x3A),
            let second = digits(2), second < 60
        else { return nil }
        return hour * 3_600 + minute * 60 + second
    }

    /// `.d…` as a fraction of a second (0 when absent). Digits after the ninth are checked and ignored:
    /// a `Date` does not keep more.
    mutating func fraction() -> Double? {
        guard take(0x2E) else { return 0 }
        var units = 0
        var scale = 1
        let start = position
        while position < bytes.count, let digit = digit(at: position) {
            if position - start < 9 {
                units = units * 10 + digit
                scale *= 10
            }
            position += 1
        }
        guard position > start else { return nil }
        return Double(units) / Double(scale)
    }

    /// `Z`, `z` or `±hh:mm`, as seconds east of UTC.
    mutating func offset() -> Int? {
        if take(0x5A, or: 0x7A) { return 0 }
        let sign: Int
        if take(0x2B) {
            sign = 1
        } else if take(0x2D) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(2), hours < 24, take(0x3A), let minutes = digits(2), minutes < 60 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }

    /// Consumes `byte` (or `alternative`) if it comes next.
    mutating func take(_ byte: UInt8, or alternative: UInt8? = nil) -> Bool {
        guard position < bytes.count, bytes[position] == byte || bytes[position] == alternative else { return false }
        position += 1
        return true
    }

    /// Exactly `count` ASCII digits as a number.
    private mutating func digits(_ count: Int) -> Int? {
        guard bytes.count - position >= count else { return nil }
        var value = 0
        for index in position..<(position + count) {
            guard let digit = digit(at: index) else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    private func digit(at index: Int) -> Int? {
        let byte = bytes[index]
        return (0x30...0x39).contains(byte) ? Int(byte &- 0x30) : nil
    }
}
