import AuthCore
import Foundation

/// Writes a command's result: a table for people, or with `--json` exactly one JSON document.
struct Printer: Sendable {
    let context: VendorCtlContext
    let json: Bool

    /// Prints `value` as JSON with `--json`, else the text `table` renders.
    func emit<Value: Encodable>(_ value: Value, table: () -> String) throws {
        if json {
            context.standardOutput.write(try Printer.encode(value, pretty: true) + "\n")
        } else {
            context.standardOutput.write(table())
        }
    }

    /// Writes a line of text to standard output.
    func line(_ text: String) {
        context.standardOutput.write(text + "\n")
    }

    /// Writes a note for people on standard error (never part of a `--json` document).
    func note(_ text: String) {
        context.standardError.write(text + "\n")
    }

    /// Sorted keys, ISO-8601 dates, slashes as they are.
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [
                .sortedKeys, .withoutEscapingSlashes,
            ]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw CommandFailure(.failure, "the result cannot be written as JSON")
        }
    }
}

/// Formats values for table cells.
enum Cell {
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        return value
    }

    static func number(_ value: Int?) -> String {
        value.map(String.init) ?? "-"
    }

    static func number(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.\(decimals)f", value)
    }

    static func flag(_ value: Bool?) -> String {
        value.map { $0 ? "yes" : "no" } ?? "-"
    }

    static func date(_ value: Date?) -> String {
        guard let value else { return "-" }
        return value.formatted(.iso8601)
    }

    /// A JSON value as one cell: text as it is, numbers and booleans as written, objects and
    /// arrays summarised.
    static func json(_ value: JSONValue?) -> String {
        guard let value else { return "-" }
        switch value {
        case .null: return "-"
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.description
        case .array(let items): return "[\(items.count) items]"
        case .object(let members): return "{\(members.count) fields}"
        }
    }
}
