import Foundation

/// A typed value written into a `$filter` expression with OData V4 literal syntax.
///
/// Strings are quoted with single quotes doubled (`'O''Brien'`); GUIDs, numbers and booleans are
/// bare (`true`/`false`); dates are `YYYY-MM-DD`; date-times are ISO 8601 in UTC with their
/// fractional seconds.
public enum ODataLiteral: Sendable, Equatable {
    /// A string, quoted and escaped.
    case string(String)
    /// A GUID, written bare (lower-cased when given as a `UUID`).
    ///
    /// Only text of the GUID form `8-4-4-4-12` hexadecimal digits is written bare. Anything else
    /// (for example `x or 1 eq 1`) is written as a quoted, escaped string literal, so it can never
    /// add to the expression: Business Central then refuses the comparison instead of running a
    /// different filter. To fail before sending, build the literal with ``init(guid:)``, which throws.
    case guid(String)
    /// An integer.
    case int(Int64)
    /// A decimal number, written exactly.
    case decimal(Decimal)
    /// A floating-point number.
    case double(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A date (`2025-02-14`).
    case date(year: Int, month: Int, day: Int)
    /// A date-time in UTC: `2025-02-14T16:20:00Z`, or with its fraction when the time has one
    /// (`2025-02-14T16:20:00.1234567Z`; at most 7 digits, Business Central's precision).
    case dateTime(Date)
    /// `null`.
    case null
    /// Text written as it is (an enum member, a function call).
    case raw(String)

    /// A GUID literal from a `UUID`.
    public static func guid(_ uuid: UUID) -> ODataLiteral { .guid(uuid.uuidString.lowercased()) }

    /// A GUID literal from text, checked first.
    ///
    /// - Throws: ``OdynError`` of code `invalidRequest` unless `text` is a GUID
    ///   written as `8-4-4-4-12` hexadecimal digits (any case, without braces).
    public init(guid text: String) throws {
        guard ODataLiteral.isGUID(text) else {
            throw OdynError(.invalidRequest, "a GUID literal must be 8-4-4-4-12 hexadecimal digits")
        }
        self = .guid(text)
    }

    /// Whether `text` is a GUID as `8-4-4-4-12` hexadecimal digits.
    public static func isGUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard byte.isHexDigit else { return false }
            }
        }
        return true
    }

    /// A date literal from the calendar day of `date` in UTC.
    public static func date(_ date: Date) -> ODataLiteral {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return .date(year: parts.year ?? 1, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The literal as it appears in a `$filter` expression (before percent-encoding).
    public var text: String {
        switch self {
        case .string(let value): return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .guid(let value): return ODataLiteral.isGUID(value) ? value : ODataLiteral.string(value).text
        case .int(let value): return String(value)
        case .decimal(let value): return "\(value)"
        case .double(let value):
            return value.isFinite ? "\(value)" : (value.isNaN ? "NaN" : (value > 0 ? "INF" : "-INF"))
        case .bool(let value): return value ? "true" : "false"
        case .date(let year, let month, let day): return String(format: "%04d-%02d-%02d", year, month, day)
        case .dateTime(let date): return ODataLiteral.iso8601(date)
        case .null: return "null"
        case .raw(let value): return value
        }
    }

}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

extension ODataLiteral: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A decimal literal, read from its text so `349.99` stays exact.
    public init(floatLiteral value: Double) { self = .decimal(Decimal(string: "\(value)") ?? Decimal(value)) }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}
