import Foundation

extension ODataLiteral {
    /// The most fractional digits written: Business Central keeps date-times to 100 ns.
    static let maximumFractionDigits = 7

    /// `date` as ISO 8601 in UTC, with the shortest fraction of at most seven digits that reads back
    /// as the same `Date` (so `.5` stays `.5` and a 100 ns value keeps all seven digits), and no
    /// fraction for a whole second.
    ///
    /// The fraction is taken from the interval since the reference date, which `Date` stores, so no
    /// precision is lost on the way; a `Date` that is not finite is written without a fraction.
    static func iso8601(_ date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        guard interval.isFinite else { return wholeSeconds(date) }
        let floor = interval.rounded(.down)
        let fraction = interval - floor
        var whole = floor
        var digits = ""
        for count in 1...maximumFractionDigits {
            let scale = pow(10, Double(count))
            var units = (fraction * scale).rounded()
            // A fraction that rounds up to a whole second carries into the seconds.
            let carries = units >= scale
            if carries { units = 0 }
            whole = carries ? floor + 1 : floor
            let text = String(Int(units))
            digits = String(repeating: "0", count: count - text.count) + text
            if whole + units / scale == interval { break }
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        let stamp = wholeSeconds(Date(timeIntervalSinceReferenceDate: whole))
        guard !digits.isEmpty, stamp.hasSuffix("Z") else { return stamp }
        return String(stamp.dropLast()) + "." + digits + "Z"
    }

    private static func wholeSeconds(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
