import Foundation

/// Lenient reading for vendors that send the same field in different shapes (numbers as strings,
/// integers as fractions). Every rule is explicit, never traps, and gives `nil` for anything it
/// does not accept; kits choose the strict accessors (`intValue`, `stringValue`) where a vendor
/// is consistent.
extension JSONValue {
    /// An integer number (a fraction is truncated toward zero), or a string holding an integer
    /// after trimming white space. Booleans, fractional strings (`"4.2"`), numbers beyond `Int`,
    /// `null`, arrays and objects give `nil`.
    public var lenientInt: Int? {
        switch self {
        case .number(let number):
            let double = number.doubleValue
            guard double.isFinite, abs(double) < 9.0e18 else { return nil }
            return Int(double.rounded(.towardZero))
        case .string(let text):
            return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        default:
            return nil
        }
    }

    /// A number, or a string holding a plain decimal number after trimming (`"1.5"`, `"-3e2"`).
    /// Booleans, `"12,5"`, `"nan"`, `"inf"`, hexadecimal, out-of-range values and `null` give `nil`.
    public var lenientDouble: Double? {
        switch self {
        case .number(let number):
            let double = number.doubleValue
            return double.isFinite ? double : nil
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ JSONValue.plainNumberBytes.contains($0) }),
                let double = Double(trimmed), double.isFinite
            else { return nil }
            return double
        default:
            return nil
        }
    }

    /// A string as it is; a number or boolean written as text; an array or object as compact
    /// JSON. `null` gives `nil` (never the text `"None"` or `"null"`).
    public var lenientString: String? {
        switch self {
        case .null:
            return nil
        case .string(let text):
            return text
        case .number(let number):
            return number.decimalValue.map { "\($0)" } ?? number.description
        case .bool(let flag):
            return flag ? "true" : "false"
        case .array, .object:
            return (try? jsonData()).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// An identifier to store or send back in a path: a positive integer in `Int` range, sent as
    /// a JSON integer (`880045`, also `880045.0`) or as ASCII digits (`"880045"`, white space
    /// around allowed). Stricter than ``lenientInt`` on purpose: truncating `0.5` to `0` or
    /// accepting `-1` would store an id that names nothing. Everything else gives `nil`.
    public var positiveIdentifier: Int? {
        switch self {
        case .number(let number):
            guard let id = number.intValue, id > 0 else { return nil }
            return id
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let id = Int(trimmed), id > 0
            else { return nil }
            return id
        default:
            return nil
        }
    }

    private static let plainNumberBytes = Set("0123456789+-.eE".utf8)
}
