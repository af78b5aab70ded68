import AuthCore
import Foundation

/// Turns command-line text into command parameters and values.
public enum ViessmannCommandArguments {
    /// Parses `key=value` arguments, or one JSON object argument.
    ///
    /// Values are read in this order: `true`/`false` (any case) as booleans, integers, finite
    /// decimals, JSON when the text starts with `[` or `{`, otherwise the text itself.
    ///
    /// - Throws: ``ViessmannError`` `invalidArgument` for an argument without `=`, an empty key, or
    ///   a JSON argument that is not an object.
    public static func parse(_ arguments: [String]) throws -> [String: JSONValue] {
        if arguments.count == 1, let only = arguments.first, only.hasPrefix("{") {
            guard case .object(let object)? = try? JSONValue(jsonData: Data(only.utf8)) else {
                throw ViessmannError(.invalidArgument, "the JSON parameters are not a valid JSON object")
            }
            return object
        }
        var result: [String: JSONValue] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ViessmannError(.invalidArgument, "Expected key=value, got '\(argument)'")
            }
            result[String(argument[..<equals])] = value(String(argument[argument.index(after: equals)...]))
        }
        return result
    }

    /// Reads one value with the rules of ``parse(_:)``.
    public static func value(_ text: String) -> JSONValue {
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if let integer = Int(text) { return .number(JSONNumber(integer)) }
        if let double = Double(text), double.isFinite, let number = JSONNumber(text) ?? JSONNumber(double) {
            return .number(number)
        }
        if text.hasPrefix("[") || text.hasPrefix("{"), let json = try? JSONValue(jsonData: Data(text.utf8)) {
            return json
        }
        return .string(text)
    }
}
