import Foundation

/// A parsed `$filter` expression: comparisons (`eq ne gt ge lt le`), `and`, `or`, `not`, the
/// string functions `contains`, `startswith` and `endswith` (and `tolower`/`toupper` on operands),
/// over properties and literals (strings with `''` escapes, numbers, booleans, `null`, GUIDs,
/// dates and date-times). Enough OData for OdynKit's query builder and hand-written filters.
indirect enum ODataFilterExpression: Equatable {
    case or(ODataFilterExpression, ODataFilterExpression)
    case and(ODataFilterExpression, ODataFilterExpression)
    case not(ODataFilterExpression)
    case compare(Comparison, ODataFilterOperand, ODataFilterOperand)
    case function(String, ODataFilterOperand, ODataFilterOperand)
    case value(ODataFilterOperand)

    /// A comparison operator.
    enum Comparison: String, Equatable {
        case eq, ne, gt, ge, lt, le
    }

    /// The string functions that test a property against a text.
    static let predicates: Set<String> = ["contains", "startswith", "endswith"]
    /// The functions that change an operand.
    static let transforms: Set<String> = ["tolower", "toupper", "trim"]

    /// Parses `text`.
    ///
    /// - Throws: ``ODataRequestError`` (400) naming what could not be read.
    static func parse(_ text: String) throws(ODataRequestError) -> ODataFilterExpression {
        var parser = ODataFilterParser(tokens: try ODataFilterLexer.tokens(text))
        let expression = try parser.expression(depth: 0)
        guard parser.isAtEnd else { throw .badRequest("Syntax error at position \(parser.position) in '\(text)'.") }
        return expression
    }

    /// Every property the expression reads.
    var properties: [String] {
        switch self {
        case .or(let lhs, let rhs), .and(let lhs, let rhs): return lhs.properties + rhs.properties
        case .not(let inner): return inner.properties
        case .compare(_, let lhs, let rhs), .function(_, let lhs, let rhs): return lhs.properties + rhs.properties
        case .value(let operand): return operand.properties
        }
    }
}

/// One side of a comparison.
indirect enum ODataFilterOperand: Equatable {
    case property(String)
    case literal(ODataFilterLiteral)
    case call(String, ODataFilterOperand)

    var properties: [String] {
        switch self {
        case .property(let name): return [name]
        case .literal: return []
        case .call(_, let inner): return inner.properties
        }
    }
}

/// A literal value in a filter.
enum ODataFilterLiteral: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case guid(String)
    case date(String)
    case dateTime(Date)
}

/// A token of a filter expression.
enum ODataFilterToken: Equatable {
    case open
    case close
    case comma
    case string(String)
    case word(String)
}

/// Splits a filter into tokens: parentheses, commas, quoted strings (`''` is a quote) and words
/// (names, keywords, numbers, GUIDs, dates).
enum ODataFilterLexer {
    static func tokens(_ text: String) throws(ODataRequestError) -> [ODataFilterToken] {
        var tokens: [ODataFilterToken] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t", "\n", "\r":
                index += 1
            case "(":
                tokens.append(.open)
                index += 1
            case ")":
                tokens.append(.close)
                index += 1
            case ",":
                tokens.append(.comma)
                index += 1
            case "'":
                var value = ""
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "'" {
                        if index + 1 < characters.count, characters[index + 1] == "'" {
                            value.append("'")
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    value.append(characters[index])
                    index += 1
                }
                guard closed else { throw .badRequest("Unterminated string literal in '\(text)'.") }
                tokens.append(.string(value))
            default:
                var word = ""
                while index < characters.count, isWordCharacter(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                guard !word.isEmpty else {
                    throw .badRequest("Unexpected character '\(character)' in '\(text)'.")
                }
                tokens.append(.word(word))
            }
        }
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_.:/+-@".contains(character)
    }
}

/// A recursive-descent parser over filter tokens.
struct ODataFilterParser {
    /// The deepest nesting accepted.
    static let maximumDepth = 64

    let tokens: [ODataFilterToken]
    private(set) var position = 0

    init(tokens: [ODataFilterToken]) {
        self.tokens = tokens
    }

    var isAtEnd: Bool { position >= tokens.count }

    private var current: ODataFilterToken? { isAtEnd ? nil : tokens[position] }

    private func isKeyword(_ word: String) -> Bool {
        if case .word(let text)? = current { return text == word }
        return false
    }

    mutating func expression(depth: Int) throws(ODataRequestError) -> ODataFilterExpression {
        guard depth < ODataFilterParser.maximumDepth else { throw .badRequest("The filter is nested too deeply.") }
        var result = try conjunction(depth: depth)
        while isKeyword("or") {
            position += 1
            result = .or(result, try conjunction(depth: depth))
        }
        return result
    }

    private mutating func conjunction(depth: Int) throws(ODataRequestError) -> ODataFilterExpression {
        var result = try unary(depth: depth)
        while isKeyword("and") {
            position += 1
            result = .and(result, try unary(depth: depth))
        }
        return result
    }

    private mutating func unary(depth: Int) throws(ODataRequestError) -> ODataFilterExpression {
        if isKeyword("not") {
            position += 1
            return .not(try unary(depth: depth + 1))
        }
        return try primary(depth: depth)
    }

    private mutating func primary(depth: Int) throws(ODataRequestError) -> ODataFilterExpression {
        if current == .open {
            position += 1
            let inner = try expression(depth: depth + 1)
            guard current == .close else { throw .badRequest("A ')' is missing at position \(position).") }
            position += 1
            return inner
        }
        if case .word(let name)? = current, ODataFilterExpression.predicates.contains(name.lowercased()),
            position + 1 < tokens.count, tokens[position + 1] == .open
        {
            position += 2
            let subject = try operand(depth: depth + 1)
            guard current == .comma else { throw .badRequest("'\(name)' takes two arguments.") }
            position += 1
            let argument = try operand(depth: depth + 1)
            guard current == .close else { throw .badRequest("A ')' is missing after '\(name)'.") }
            position += 1
            return .function(name.lowercased(), subject, argument)
        }
        let left = try operand(depth: depth)
        if case .word(let word)? = current, let comparison = ODataFilterExpression.Comparison(rawValue: word) {
            position += 1
            return .compare(comparison, left, try operand(depth: depth))
        }
        return .value(left)
    }

    private mutating func operand(depth: Int) throws(ODataRequestError) -> ODataFilterOperand {
        guard depth < ODataFilterParser.maximumDepth else { throw .badRequest("The filter is nested too deeply.") }
        guard let token = current else { throw .badRequest("The filter ends where a value was expected.") }
        position += 1
        switch token {
        case .string(let value):
            return .literal(.string(value))
        case .word(let word):
            if ODataFilterExpression.transforms.contains(word.lowercased()), current == .open {
                position += 1
                let inner = try operand(depth: depth + 1)
                guard current == .close else { throw .badRequest("A ')' is missing after '\(word)'.") }
                position += 1
                return .call(word.lowercased(), inner)
            }
            return try ODataFilterParser.classify(word)
        case .open, .close, .comma:
            throw .badRequest("Unexpected punctuation at position \(position - 1).")
        }
    }

    /// A word as a literal or a property name.
    static func classify(_ word: String) throws(ODataRequestError) -> ODataFilterOperand {
        switch word {
        case "null": return .literal(.null)
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        case "INF": return .literal(.number(.infinity))
        case "-INF": return .literal(.number(-.infinity))
        case "NaN": return .literal(.number(.nan))
        default: break
        }
        if ODataFilterParser.isGUID(word) { return .literal(.guid(word.lowercased())) }
        if ODataFilterParser.isDate(word) { return .literal(.date(word)) }
        if word.count > 10, ODataFilterParser.isDate(String(word.prefix(10))), word.dropFirst(10).first == "T" {
            guard let date = ODataFilterParser.dateTime(word) else {
                throw .badRequest("'\(word)' is not a valid Edm.DateTimeOffset literal.")
            }
            return .literal(.dateTime(date))
        }
        if let first = word.first, first.isNumber || first == "-" || first == "." {
            guard let number = Double(word), !word.hasSuffix(".") else {
                throw .badRequest("'\(word)' is not a valid number.")
            }
            return .literal(.number(number))
        }
        guard word.first.map({ $0.isLetter || $0 == "_" }) == true,
            word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "/" })
        else {
            throw .badRequest("'\(word)' is neither a property nor a literal.")
        }
        return .property(word)
    }

    static func isGUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !((0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)) {
                return false
            }
        }
        return true
    }

    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || (0x30...0x39).contains(byte) }
    }

    /// An ISO 8601 date-time with `Z` or an offset and an optional fraction; `nil` when malformed.
    static func dateTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        // More than three fractional digits (BC keeps seven): read the fraction separately.
        guard let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { "Z+-".contains($0) })
        else { return nil }
        let whole = String(text[..<dot]) + String(text[zone...])
        guard let base = formatter.date(from: whole), let fraction = Double("0" + text[dot..<zone]) else { return nil }
        return base.addingTimeInterval(fraction)
    }
}
