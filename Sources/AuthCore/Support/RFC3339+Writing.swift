import Foundation

extension RFC3339 {
    /// The earliest and latest instants RFC 3339 can write: 0000-01-01T00:00:00Z and
    /// 9999-12-31T23:59:59Z, as seconds since `Date`'s reference date.
    static let writableSeconds: ClosedRange<Double> = -63_145_526_400...252_423_993_599

    /// `date` as an RFC 3339 date-time in UTC (`2025-02-01T09:30:12.517Z`).
    ///
    /// The fraction is the shortest of at most `maximumFractionDigits` digits (0–9) that
    /// ``parseDateTime(_:)`` reads back as the same `Date`, or the closest one of that many digits;
    /// none for a whole second. With `0` the instant is rounded down to its second. An instant
    /// outside years 0000–9999 is written as the nearest one inside; not-a-number as the reference date.
    public static func string(from date: Date, maximumFractionDigits: Int = 0) -> String {
        var interval = date.timeIntervalSinceReferenceDate
        if interval.isNaN { interval = 0 }
        interval = min(max(interval, writableSeconds.lowerBound), writableSeconds.upperBound)
        let floor = interval.rounded(.down)
        var whole = floor
        var units = 0
        var count = 0
        let fraction = interval - floor
        for digits in stride(from: 1, through: min(max(maximumFractionDigits, 0), 9), by: 1) where fraction > 0 {
            let scale = pow(10, Double(digits))
            var rounded = (fraction * scale).rounded()
            whole = floor
            if rounded >= scale {
                // The fraction rounds up to a whole second: carry it (never past the last writable second).
                rounded = 0
                whole = min(floor + 1, writableSeconds.upperBound)
            }
            units = Int(rounded)
            count = digits
            if whole + rounded / scale == interval { break }
        }
        while count > 0, units % 10 == 0 {
            units /= 10
            count -= 1
        }
        let seconds = Int(whole) + referenceDateSince1970
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let day = FullDate.parts(daysSince1970: days)
        return String(unsafeUninitializedCapacity: 30) { buffer in
            var writer = RFC3339Writer(buffer)
            writer.fullDate(year: day.year, month: day.month, day: day.day)
            writer.byte(0x54)
            writer.number(secondOfDay / 3_600, width: 2)
            writer.byte(0x3A)
            writer.number(secondOfDay / 60 % 60, width: 2)
            writer.byte(0x3A)
            writer.number(secondOfDay % 60, width: 2)
            if count > 0 {
                writer.byte(0x2E)
                writer.number(units, width: count)
            }
            writer.byte(0x5A)
            return writer.count
        }
    }
}

extension RFC3339.FullDate {
    /// The year, month and day `days` after 1970-01-01 (proleptic Gregorian calendar).
    static func parts(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Writes ASCII into a buffer that is known to be large enough.
struct RFC3339Writer {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// `YYYY-MM-DD`.
    mutating func fullDate(year: Int, month: Int, day: Int) {
        number(year, width: 4)
        byte(0x2D)
        number(month, width: 2)
        byte(0x2D)
        number(day, width: 2)
    }

    /// `value` (0 or more) in exactly `width` digits, with leading zeros.
    mutating func number(_ value: Int, width: Int) {
        var rest = value
        for index in stride(from: count + width - 1, through: count, by: -1) {
            buffer[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
        }
        count += width
    }

    /// One byte.
    mutating func byte(_ value: UInt8) {
        buffer[count] = value
        count += 1
    }
}
