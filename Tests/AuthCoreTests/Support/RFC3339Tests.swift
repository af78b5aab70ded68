import AuthCore
import Foundation
import Testing

@Suite("RFC 3339 dates and date-times")
struct RFC3339Tests {
    @Test("date-times read as the instants they name: Z, offsets, fractions, lower-case t and z")
    func dateTimes() {
        let cases: [(String, Double)] = [
            ("2025-02-14T16:20:00Z", 761_242_800),
            ("2025-02-14t16:20:00z", 761_242_800),
            ("2025-02-14T16:20:00-00:00", 761_242_800),
            ("2025-02-14T17:20:00+01:00", 761_242_800),
            ("2025-02-14T16:20:00.5+05:30", 761_223_000.5),
            ("2025-02-01T09:30:12.517Z", 760_095_012.517),
            ("2001-01-01T00:00:00Z", 0),
            ("2000-12-31T23:59:59.25Z", -0.75),
            ("1970-01-01T00:00:00Z", -978_307_200),
            ("2024-02-29T00:00:00Z", 730_857_600),
            ("2000-02-29T12:00:00Z", -26_481_600),
        ]
        for (text, interval) in cases {
            #expect(RFC3339.parseDateTime(text)?.timeIntervalSinceReferenceDate == interval, "\(text)")
        }
    }

    @Test("days are counted in the proleptic Gregorian calendar, also before 1582 and in year 0")
    func prolepticGregorian() {
        // 730,485 days from 0001-01-01 to 2001-01-01; a Julian count would give two more.
        #expect(RFC3339.parseDateTime("0001-01-01T00:00:00Z")?.timeIntervalSinceReferenceDate == -63_113_904_000)
        #expect(RFC3339.parseDateTime("0000-01-01T00:00:00Z")?.timeIntervalSinceReferenceDate == -63_145_526_400)
        #expect(RFC3339.parseDateTime("9999-12-31T23:59:59Z")?.timeIntervalSinceReferenceDate == 252_423_993_599)
        #expect(RFC3339.parseFullDate("1582-10-10") != nil)
        #expect(RFC3339.parseFullDate("0000-02-29") != nil)
    }

    @Test("fractions keep every digit a Date can hold; digits after the ninth are checked, then ignored")
    func fractions() throws {
        let seventh = try #require(RFC3339.parseDateTime("2025-02-01T09:30:12.1234567Z"))
        #expect(abs(seventh.timeIntervalSinceReferenceDate - 760_095_012.123_456_7) < 1e-6)
        let near2001 = try #require(RFC3339.parseDateTime("2001-01-01T00:00:00.123456789123Z"))
        #expect(near2001.timeIntervalSinceReferenceDate == 0.123_456_789)
        #expect(RFC3339.parseDateTime("2001-01-01T00:00:00.1234567891x3Z") == nil)
    }

    @Test("what RFC 3339 does not allow is refused, around the text too")
    func refusals() {
        let refused = [
            "", "2025-02-14", "2025-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
            "2025-04-31T00:00:00Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2025-01-00T00:00:00Z",
            "2025-02-14T24:00:00Z", "2025-02-14T16:60:00Z", "2025-12-31T23:59:60Z", "2025-02-14T16:20Z",
            "2025-02-14 16:20:00Z", "2025-02-14T16:20:00", "2025-02-14T16:20:00+0100", "2025-02-14T16:20:00+01",
            "2025-02-14T16:20:00+24:00", "2025-02-14T16:20:00+01:60", "2025-02-01T09:30:12.Z",
            "+2025-02-14T16:20:00Z", "12025-02-14T16:20:00Z", "20250214T162000Z", "2025-2-14T16:20:00Z",
            " 2025-02-14T16:20:00Z", "2025-02-14T16:20:00Z ", "2025-02-14T16:20:00Zjunk", "2025-02-14T16:20:00ZZ",
            "２０２５-02-14T16:20:00Z", "٢٠٢٥-02-14T16:20:00Z", "2025-02-14T16:20:00\u{0}Z",
        ]
        for text in refused {
            #expect(RFC3339.parseDateTime(text) == nil, "\(text)")
        }
        for text in ["2025-2-14", "2025-02-14T00:00:00Z", "2025-02-29", "25-02-14", "2025-02-14 ", "2025/02/14"] {
            #expect(RFC3339.parseFullDate(text) == nil, "\(text)")
        }
    }

    @Test("full dates read, write back and compare as days")
    func fullDates() throws {
        let day = try #require(RFC3339.parseFullDate("2025-02-14"))
        #expect((day.year, day.month, day.day) == (2025, 2, 14))
        #expect(day.description == "2025-02-14")
        #expect(RFC3339.FullDate(year: 7, month: 3, day: 1)?.description == "0007-03-01")
        #expect(RFC3339.FullDate(year: 2025, month: 2, day: 29) == nil)
        #expect(RFC3339.FullDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(try #require(RFC3339.parseFullDate("2024-12-31")) < day)
    }

    @Test("agrees with Foundation's ISO 8601 formatter on generated date-times of 1900-2100")
    func agreesWithFoundation() throws {
        let random = RandomSource.seeded(0x3339)
        let whole = ISO8601DateFormatter()
        whole.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for _ in 0..<2_000 {
            let text = Self.generatedText(random, years: 1900...2100, fractionDigits: 0...3)
            let formatter = text.contains(".") ? fractional : whole
            let expected = try #require(formatter.date(from: text), "\(text)")
            let read = try #require(RFC3339.parseDateTime(text), "\(text)")
            #expect(abs(read.timeIntervalSince(expected)) < 1e-6, "\(text)")
        }
    }

    @Test("writing: the shortest fraction that reads back, none for whole seconds, UTC")
    func writing() throws {
        let stamp = try #require(RFC3339.parseDateTime("2025-02-01T10:30:12.517+01:00"))
        #expect(RFC3339.string(from: stamp, maximumFractionDigits: 7) == "2025-02-01T09:30:12.517Z")
        #expect(RFC3339.string(from: stamp) == "2025-02-01T09:30:12Z")
        let half = Date(timeIntervalSinceReferenceDate: -0.5)
        #expect(RFC3339.string(from: half, maximumFractionDigits: 7) == "2000-12-31T23:59:59.5Z")
        #expect(RFC3339.string(from: half) == "2000-12-31T23:59:59Z")
        let almost = Date(timeIntervalSinceReferenceDate: 0.9999)
        #expect(RFC3339.string(from: almost) == "2001-01-01T00:00:00Z")
        #expect(RFC3339.string(from: almost, maximumFractionDigits: 2) == "2001-01-01T00:00:01Z")
        #expect(RFC3339.string(from: almost, maximumFractionDigits: 4) == "2001-01-01T00:00:00.9999Z")
        #expect(
            RFC3339.string(from: Date(timeIntervalSinceReferenceDate: 1e-12), maximumFractionDigits: 9)
                == "2001-01-01T00:00:00Z")
    }

    @Test("writing: instants outside years 0000-9999 are clamped, not-a-number is the reference date")
    func writingBounds() {
        #expect(RFC3339.string(from: Date(timeIntervalSinceReferenceDate: 1e15)) == "9999-12-31T23:59:59Z")
        #expect(RFC3339.string(from: Date(timeIntervalSinceReferenceDate: .infinity)) == "9999-12-31T23:59:59Z")
        #expect(RFC3339.string(from: Date(timeIntervalSinceReferenceDate: -.infinity)) == "0000-01-01T00:00:00Z")
        #expect(RFC3339.string(from: Date(timeIntervalSinceReferenceDate: .nan)) == "2001-01-01T00:00:00Z")
        // Foundation's `distantPast` is 0001-01-01 of the Julian calendar: two days earlier in the Gregorian.
        #expect(RFC3339.string(from: .distantPast) == "0000-12-30T00:00:00Z")
    }

    @Test("generated date-times of every year read back from what is written: text with 3 digits, instant with 9")
    func roundTrips() throws {
        let random = RandomSource.seeded(0x5EED_3339)
        for _ in 0..<5_000 {
            let text = Self.generatedText(random, years: 0...9999, fractionDigits: 0...7)
            let date = try #require(RFC3339.parseDateTime(text), "\(text)")
            #expect(RFC3339.parseDateTime(RFC3339.string(from: date, maximumFractionDigits: 9)) == date, "\(text)")
            let utc = Self.generatedText(random, years: 0...9999, fractionDigits: 0...3, utc: true)
            let written = RFC3339.string(from: try #require(RFC3339.parseDateTime(utc)), maximumFractionDigits: 3)
            #expect(written == utc, "\(utc)")
        }
    }

    /// A valid date-time; with `utc`, in the one spelling the writer uses (`Z`, no trailing zero).
    private static func generatedText(
        _ random: RandomSource, years: ClosedRange<Int>, fractionDigits: ClosedRange<Int>, utc: Bool = false
    ) -> String {
        func pick(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(random.next() % UInt64(range.count))
        }
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let year = pick(years)
        let month = pick(1...12)
        let day = pick(1...RFC3339Tests.length(month, year))
        var text = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T"
        text += "\(padded(pick(0...23), 2)):\(padded(pick(0...59), 2)):\(padded(pick(0...59), 2))"
        let digits = pick(fractionDigits)
        if digits > 0 {
            var fraction = padded(pick(0...Int(pow(10, Double(digits))) - 1), digits)
            if utc {
                while fraction.hasSuffix("0") { fraction.removeLast() }
            }
            if !fraction.isEmpty { text += "." + fraction }
        }
        if utc || pick(0...2) == 0 { return text + "Z" }
        let sign = pick(0...1) == 0 ? "+" : "-"
        return text + "\(sign)\(padded(pick(0...23), 2)):\(padded(pick(0...59), 2))"
    }

    private static func length(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
