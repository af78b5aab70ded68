import AuthCore
import Foundation

/// Checks a value against a command parameter before anything is sent.
///
/// In order: the `enum` options (any type); then the parameter's type (`number`, `string`,
/// `boolean`, `Schedule`; a boolean is not a number and `"1.4"` is not a number); then for numbers
/// `min`, `max` and the `stepping` grid counted from `min` (or 0) with a floored modulo and a 1e-9
/// tolerance; for strings `minLength`, `maxLength` (in Unicode scalars) and the pattern, matched
/// from the start; for schedules the days `mon`…`sun` and their `HH:MM` slots (count, modes,
/// minute grid, overlaps). A parameter with a missing or unknown type is checked by the value's
/// own type: a number gets `min`/`max`/`stepping`, a string gets its lengths and pattern.
public enum ViessmannCommandValidator {
    /// How far off the step grid a value may be (floating-point slack).
    static let tolerance = 1e-9
    /// The longest string checked against a pattern, in Unicode scalars.
    static let maximumPatternInput = 256
    /// The longest pattern compiled, in Unicode scalars (the pattern comes from the server).
    static let maximumPatternLength = 1024
    /// How many progress reports (each after a fixed number of matcher steps, about 10,000) a
    /// pattern match may take before it is abandoned: a hostile pattern cannot hang the caller.
    static let patternProgressBudget = 64
    static let days: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Checks `value` for `parameter`.
    ///
    /// - Throws: ``ViessmannError`` `validationFailed` naming the parameter and the rule.
    public static func validate(_ value: JSONValue, for parameter: ViessmannCommandParameter) throws {
        try validate(value, for: parameter, matchingPattern: true)
    }

    /// Checks `value` for `parameter`; `matchingPattern: false` skips the pattern (used for sibling values
    /// read from the server, which the server accepted already: its own pattern must not run on its own data).
    static func validate(
        _ value: JSONValue, for parameter: ViessmannCommandParameter, matchingPattern: Bool
    ) throws {
        let name = parameter.name
        let constraints = parameter.constraints
        func fail(_ rule: ViessmannValidationRule, _ text: String) -> ViessmannError {
            ViessmannError(.validationFailed, "\(name): \(text)", parameter: name, rule: rule)
        }
        if !constraints.options.isEmpty, !constraints.options.contains(value) {
            let allowed = constraints.options.map(describe).joined(separator: ", ")
            throw fail(.enumeration, "\(describe(value)) is not one of the allowed options [\(allowed)]")
        }
        switch (parameter.type, value) {
        case (.number, .number(let number)):
            try checkNumber(number.doubleValue, constraints, fail)
        case (.string, .string(let text)):
            try checkString(text, constraints, matchingPattern: matchingPattern, fail)
        case (.boolean, .bool), (.array, .array), (.object, .object):
            return
        case (.schedule, .object(let days)):
            try checkSchedule(days, constraints.schedule, fail)
        case (.unknown, .number(let number)):
            // No (or an unknown) type on the wire: check by the value's own type, as the original does.
            try checkNumber(number.doubleValue, constraints, fail)
        case (.unknown, .string(let text)):
            try checkString(text, constraints, matchingPattern: matchingPattern, fail)
        case (.unknown, _):
            return
        default:
            throw fail(.type, "\(describe(value)) is not a \(parameter.type)")
        }
    }

    private static func checkNumber(
        _ value: Double, _ constraints: ViessmannParameterConstraints,
        _ fail: (ViessmannValidationRule, String) -> ViessmannError
    ) throws {
        guard value.isFinite else { throw fail(.type, "\(value) is not a finite number") }
        if let min = constraints.min, value < min { throw fail(.minimum, "\(value) < min \(min)") }
        if let max = constraints.max, value > max { throw fail(.maximum, "\(value) > max \(max)") }
        if let step = constraints.step, step > 0 {
            let base = constraints.min ?? 0
            let remainder = flooredModulo(value - base, step)
            guard remainder < tolerance || abs(remainder - step) < tolerance else {
                throw fail(.step, "\(value) does not align with step \(step) (starting from \(base))")
            }
        }
    }

    private static func checkString(
        _ text: String, _ constraints: ViessmannParameterConstraints, matchingPattern: Bool,
        _ fail: (ViessmannValidationRule, String) -> ViessmannError
    ) throws {
        let length = text.unicodeScalars.count
        if let minimum = constraints.minLength, length < minimum {
            throw fail(.minimumLength, "length \(length) < minLength \(minimum)")
        }
        if let maximum = constraints.maxLength, length > maximum {
            throw fail(.maximumLength, "length \(length) > maxLength \(maximum)")
        }
        guard matchingPattern, let pattern = constraints.pattern else { return }
        // A pattern comes from the server: a long value could make a hostile one backtrack for ages.
        guard length <= maximumPatternInput else {
            throw fail(.pattern, "length \(length) is too long to check against pattern \(describePattern(pattern))")
        }
        guard pattern.unicodeScalars.count <= maximumPatternLength else {
            throw fail(.pattern, "the pattern is too long to check (over \(maximumPatternLength) characters)")
        }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return }
        switch boundedMatch(expression, text) {
        case .matched:
            return
        case .notMatched:
            throw fail(.pattern, "\(describe(.string(text))) does not match pattern \(describePattern(pattern))")
        case .budgetExceeded:
            throw fail(.pattern, "pattern \(describePattern(pattern)) is too costly to check; the value was not sent")
        }
    }

    enum PatternMatch: Equatable {
        case matched, notMatched, budgetExceeded
    }

    /// Matches `expression` from the start of `text`, giving up after ``patternProgressBudget`` progress reports.
    static func boundedMatch(
        _ expression: NSRegularExpression, _ text: String, budget: Int = patternProgressBudget
    ) -> PatternMatch {
        var result = PatternMatch.notMatched
        var reports = 0
        let range = NSRange(text.startIndex..., in: text)
        expression.enumerateMatches(in: text, options: [.anchored, .reportProgress], range: range) { match, _, stop in
            if match != nil {
                result = .matched
                stop.pointee = true
                return
            }
            reports += 1
            if reports > budget {
                result = .budgetExceeded
                stop.pointee = true
            }
        }
        return result
    }

    static func describePattern(_ pattern: String) -> String {
        pattern.count > 60 ? String(pattern.prefix(60)) + "…" : pattern
    }

    private static func checkSchedule(
        _ days: [String: JSONValue], _ constraints: ViessmannScheduleConstraints?,
        _ fail: (ViessmannValidationRule, String) -> ViessmannError
    ) throws {
        for (day, slots) in days.sorted(by: { $0.key < $1.key }) {
            guard Self.days.contains(day) else { throw fail(.schedule, "'\(day)' is not a day (mon…sun)") }
            guard case .array(let entries) = slots else { throw fail(.schedule, "\(day) is not a list of slots") }
            if let maximum = constraints?.maxEntries, entries.count > maximum {
                throw fail(.schedule, "\(day) has \(entries.count) slots, at most \(maximum) allowed")
            }
            var slots: [(start: Int, end: Int)] = []
            for entry in entries {
                guard let start = entry["start"]?.stringValue.flatMap(minutes),
                    let end = entry["end"]?.stringValue.flatMap(minutes), start < end
                else { throw fail(.schedule, "\(day) has a slot without a valid HH:MM start before its end") }
                if let modes = constraints?.modes, !modes.isEmpty, let mode = entry["mode"]?.stringValue,
                    !modes.contains(mode)
                {
                    throw fail(.schedule, "\(day) uses mode '\(mode)', not one of \(modes)")
                }
                if let grid = constraints?.resolution, grid > 0, start % grid != 0 || end % grid != 0 {
                    throw fail(.schedule, "\(day) has a slot off the \(grid)-minute grid")
                }
                slots.append((start, end))
            }
            if constraints?.overlapAllowed == false {
                let ordered = slots.sorted { $0.start < $1.start }
                for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.start < earlier.end {
                    throw fail(.schedule, "\(day) has overlapping slots")
                }
            }
        }
    }

    /// Minutes after midnight for `HH:MM` (`24:00` allowed as the end of the day).
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
            let minutes = Int(parts[1]), (0...59).contains(minutes), (0...24).contains(hours),
            hours < 24 || minutes == 0
        else { return nil }
        return hours * 60 + minutes
    }

    /// The remainder whose sign follows the divisor, as Python's `%` computes it.
    static func flooredModulo(_ dividend: Double, _ divisor: Double) -> Double {
        var remainder = fmod(dividend, divisor)
        if remainder != 0, (remainder < 0) != (divisor < 0) { remainder += divisor }
        return remainder
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "'\(text.count > 60 ? String(text.prefix(60)) + "…" : text)'"
        case .number(let number): return number.description
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
