import Foundation

/// Reads the `Expires` attribute of a `Set-Cookie` line with the lenient algorithm of RFC 6265
/// section 5.1.1, which is what browsers accept: the IMF-fixdate (`Wed, 21 Oct 2037 07:28:00 GMT`),
/// RFC 850 (`Wednesday, 21-Oct-37 07:28:00 GMT`), asctime (`Wed Oct 21 07:28:00 2037`) and
/// the many variants servers write.
///
/// Written by hand rather than with `DateFormatter`: formatters are costly to build, and a
/// response may carry thousands of cookies.
enum CookieDate {
    /// The instant `text` names, or `nil` when it is not a cookie date.
    static func parse(_ text: Substring) -> Date? {
        var fields = Fields()
        for token in tokens(of: Array(text.utf8)) { fields.take(token) }
        return fields.date()
    }

    /// The date's parts as the tokens are read; each is taken from the first token that fits it.
    private struct Fields {
        var time: (hour: Int, minute: Int, second: Int)?
        var day: Int?
        var month: Int?
        var year: Int?

        mutating func take(_ token: ArraySlice<UInt8>) {
            // The order of the checks is the RFC's: a token is used for the first part it fits.
            if time == nil, let parsed = CookieDate.time(token) {
                time = parsed
            } else if day == nil, let parsed = CookieDate.leadingNumber(token, digits: 1...2) {
                day = parsed
            } else if month == nil, let parsed = CookieDate.month(token) {
                month = parsed
            } else if year == nil, let parsed = CookieDate.leadingNumber(token, digits: 2...4) {
                year = parsed
            }
        }

        func date() -> Date? {
            guard let time, let day, let month, var year else { return nil }
            if (70...99).contains(year) { year += 1900 }
            if (0...69).contains(year) { year += 2000 }
            guard year >= 1601, time.hour <= 23, time.minute <= 59, time.second <= 59 else { return nil }
            guard day >= 1, day <= CookieDate.daysIn(month: month, year: year) else { return nil }
            let days = CookieDate.daysSinceEpoch(year: year, month: month, day: day)
            let seconds = days * 86_400 + time.hour * 3_600 + time.minute * 60 + time.second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    /// Splits at the RFC's delimiters: tab, space to `/`, `;` to `@`, `[` to `` ` `` and `{` to `~`.
    private static func tokens(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(whereSeparator: isDelimiter)
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x09 || (0x20...0x2F).contains(byte) || (0x3B...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// `1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT`, then nothing or a non-digit.
    private static func time(_ token: ArraySlice<UInt8>) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: UInt8(ascii: ":"), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3,
            let hour = leadingNumber(parts[parts.startIndex], digits: 1...2, wholeToken: true),
            let minute = leadingNumber(parts[parts.startIndex + 1], digits: 1...2, wholeToken: true),
            let second = leadingNumber(parts[parts.startIndex + 2], digits: 1...2)
        else { return nil }
        return (hour, minute, second)
    }

    /// A run of `digits` digits at the start of `token`, followed by its end or a non-digit.
    private static func leadingNumber(
        _ token: ArraySlice<UInt8>, digits: ClosedRange<Int>, wholeToken: Bool = false
    ) -> Int? {
        let run = token.prefix(while: isDigit)
        guard digits.contains(run.count), !wholeToken || run.count == token.count else { return nil }
        return run.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// A token whose first three letters name a month, in any case.
    private static func month(_ token: ArraySlice<UInt8>) -> Int? {
        guard token.count >= 3 else { return nil }
        let prefix = String(decoding: token.prefix(3), as: UTF8.self).lowercased()
        return monthNames.firstIndex(of: prefix).map { $0 + 1 }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (the usual era-based computation).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
