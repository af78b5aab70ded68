import Foundation

/// Reads the `Retry-After` header: a number of seconds or an HTTP date.
public enum RetryAfter {
    /// The wait the header asks for, or `nil` when it is absent or unreadable.
    ///
    /// Seconds may be fractional (`0.5`); negative numbers are unreadable. A date in the past
    /// means "now" (zero). Accepts the IMF-fixdate, RFC 850 and asctime date forms. Any number,
    /// however large, gives a duration (clamped by `Duration.seconds(clamping:)`), never a trap;
    /// callers cap the wait they obey (``APIRetryPolicy/retryAfterCap``).
    public static func parse(_ value: String?, now: Date) -> Duration? {
        // Real values are at most 29 characters (an IMF date); a longer one is not worth parsing.
        guard let value, value.utf8.count <= 64 else { return nil }
        let raw = value.trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { return nil }
        if raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let seconds = Double(raw), seconds.isFinite,
            seconds >= 0
        {
            return .seconds(clamping: seconds)
        }
        guard let date = httpDate(raw) else { return nil }
        let interval = date.timeIntervalSince(now)
        return interval > 0 ? .seconds(clamping: interval) : .zero
    }

    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // RFC 850
        "EEE MMM d HH:mm:ss yyyy",  // asctime
    ]

    static func httpDate(_ text: String) -> Date? {
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
