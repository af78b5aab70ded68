import AuthCore
import Foundation

/// Lenient conversions for the fields the Flowerhub portal sends inconsistently (numbers as
/// strings, integers as fractions).
///
/// The rules are explicit rather than "whatever Python's `int()`/`float()` accept":
/// - ``int(_:)``: an integer number, a fractional number truncated toward zero, or a string that
///   holds an integer after trimming whitespace. Booleans, fractional strings (`"4.2"`), NaN,
///   infinities, `null`, arrays and objects give `nil`.
/// - ``double(_:)``: a number, or a string holding a plain decimal number after trimming
///   (`"1.5"`, `"-3e2"`). Booleans, `"12,5"`, `"nan"`, `"inf"`, hexadecimal and `null` give `nil`.
/// - ``string(_:)``: a string as is, a number or boolean written as text; `null` and a missing
///   value give `nil` (never the text `"None"`); arrays and objects give their compact JSON.
enum Lenient {
    static func int(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number)?:
            let double = number.doubleValue
            guard double.isFinite, abs(double) < 9.0e18 else { return nil }
            return Int(double.rounded(.towardZero))
        case .string(let text)?:
            return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        default:
            return nil
        }
    }

    static func double(_ value: JSONValue?) -> Double? {
        switch value {
        case .number?:
            guard let double = value?.doubleValue, double.isFinite else { return nil }
            return double
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let allowed = Set("0123456789+-.eE")
            guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }),
                let double = Double(trimmed), double.isFinite
            else { return nil }
            return double
        default:
            return nil
        }
    }

    static func string(_ value: JSONValue?) -> String? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let text)?:
            return text
        case .number(let number)?:
            return number.decimalValue.map { "\($0)" } ?? number.description
        case .bool(let flag)?:
            return flag ? "true" : "false"
        case .array?, .object?:
            return value.flatMap { try? $0.jsonData() }.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The member as an object, or an empty object when it is missing or not an object.
    static func object(_ value: JSONValue?) -> [String: JSONValue] {
        value?.objectValue ?? [:]
    }
}
