import Foundation

/// Reads and writes RFC 3339 timestamps, the Internet profile of ISO 8601 that vendor APIs use:
/// full dates (`2025-02-14`) and date-times (`2025-02-14T16:20:00Z`, `2025-02-14T17:20:00.517+01:00`).
///
/// Strict: exactly RFC 3339's grammar and nothing around it. A four-digit year, two-digit month,
/// day, hour, minute and second, `T` (or `t`) between date and time, an optional fraction of one
/// or more digits, then `Z` (or `z`) or a `+hh:mm` / `-hh:mm` offset. Days must exist (no
/// February 30), hours run to 23; a leap second (`:60`) is refused because `Date` cannot hold one.
/// Days are counted in the proleptic Gregorian calendar, as ISO 8601 does, also before 1582.
///
/// Fast: a parse reads the text's UTF-8 bytes once and allocates nothing, so a page of thousands
/// of records costs no `DateFormatter` or `ISO8601DateFormatter` per value (they are costly to
/// create, and not `Sendable` to share). Every kit reads and writes its dates through this type.
///
/// ```swift
/// RFC3339.parseDateTime("2025-02-01T09:30:12.517Z")  // 2025-02-01 09:30:12.517 +0000
/// RFC3339.parseFullDate("2025-02-14")?.day  // 14
/// RFC3339.string(from: date, maximumFractionDigits: 3)  // "2025-02-01T09:30:12.517Z"
/// ```
public enum RFC3339 {
    /// The instant a `date-time` names, with its fraction (to the nanosecond, within `Date`'s
    /// precision) and its offset applied; `nil` for any other text.
    public static func parseDateTime(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = RFC3339Reader(bytes)
            guard let date = reader.fullDate(), reader.take(0x54, or: 0x74),
                let seconds = reader.timeOfDay(), let fraction = reader.fraction(), let offset = reader.offset(),
                reader.isAtEnd
            else { return nil }
            let whole = date.daysSince1970 * 86_400 + seconds - offset - RFC3339.referenceDateSince1970
            return Date(timeIntervalSinceReferenceDate: Double(whole) + fraction)
        }
    }

    /// The day a `full-date` (`YYYY-MM-DD`) names; `nil` for any other text.
    public static func parseFullDate(_ text: String) -> FullDate? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = RFC3339Reader(bytes)
            guard let date = reader.fullDate(), reader.isAtEnd else { return nil }
            return date
        }
    }

    /// Seconds from 1970-01-01 to 2001-01-01, `Date`'s reference date.
    static let referenceDateSince1970 = 978_307_200
}

extension RFC3339 {
    /// A day of the calendar without a time of day or zone: RFC 3339's `full-date`, years 0000 to 9999.
    public struct FullDate: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The year, 0–9999.
        public let year: Int
        /// The month, 1–12.
        public let month: Int
        /// The day of the month, 1–31 (at most the month's length).
        public let day: Int

        /// The day; `nil` unless it exists (year 0–9999, month 1–12, day within the month).
        public init?(year: Int, month: Int, day: Int) {
            guard (0...9999).contains(year), (1...12).contains(month),
                day >= 1, day <= FullDate.length(ofMonth: month, in: year)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        /// `YYYY-MM-DD`.
        public var description: String {
            String(unsafeUninitializedCapacity: 10) { buffer in
                var writer = RFC3339Writer(buffer)
                writer.fullDate(year: year, month: month, day: day)
                return writer.count
            }
        }

        /// Earlier days first.
        public static func < (lhs: FullDate, rhs: FullDate) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        /// Days from 1970-01-01 (negative before), in the proleptic Gregorian calendar.
        var daysSince1970: Int {
            let shifted = month <= 2 ? year - 1 : year
            let era = (shifted >= 0 ? shifted : shifted - 399) / 400
            let yearOfEra = shifted - era * 400
            let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// The number of days in `month` of `year`.
        static func length(ofMonth month: Int, in year: Int) -> Int {
            switch month {
            case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }
    }
}
