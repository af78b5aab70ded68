import Foundation

/// A value a filter compares: what a record's property holds, or a literal.
enum ODataFilterValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case guid(String)
    case date(String)
    case dateTime(Date)

    /// The value of a record's JSON member.
    init(_ json: SandboxJSON?) {
        switch json {
        case nil, .null?: self = .null
        case .bool(let value)?: self = .bool(value)
        case .number(let text)?: self = .number(Double(text) ?? .nan)
        case .string(let text)?: self = .string(text)
        case .array?, .object?: self = .null
        }
    }

    init(_ literal: ODataFilterLiteral) {
        switch literal {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .guid(let value): self = .guid(value)
        case .date(let value): self = .date(value)
        case .dateTime(let value): self = .dateTime(value)
        }
    }

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "Edm.Boolean"
        case .number: return "Edm.Decimal"
        case .string: return "Edm.String"
        case .guid: return "Edm.Guid"
        case .date: return "Edm.Date"
        case .dateTime: return "Edm.DateTimeOffset"
        }
    }
}

extension ODataFilterExpression {
    /// Whether `record` satisfies the expression.
    ///
    /// - Throws: ``ODataRequestError`` (400) when a comparison mixes types Business Central would refuse.
    func matches(_ record: SandboxJSONObject) throws(ODataRequestError) -> Bool {
        switch self {
        case .or(let lhs, let rhs):
            if try lhs.matches(record) { return true }
            return try rhs.matches(record)
        case .and(let lhs, let rhs):
            guard try lhs.matches(record) else { return false }
            return try rhs.matches(record)
        case .not(let inner): return try !inner.matches(record)
        case .compare(let comparison, let lhs, let rhs):
            return try ODataFilterExpression.compare(comparison, lhs.value(in: record), rhs.value(in: record))
        case .function(let name, let subject, let argument):
            guard case .string(let text) = try subject.value(in: record) else { return false }
            guard case .string(let needle) = try argument.value(in: record) else {
                throw .badRequest("'\(name)' needs a string argument.")
            }
            switch name {
            case "contains": return text.contains(needle)
            case "startswith": return text.hasPrefix(needle)
            default: return text.hasSuffix(needle)
            }
        case .value(let operand):
            switch try operand.value(in: record) {
            case .bool(let value): return value
            case .null: return false
            case let other: throw .badRequest("A \(other.typeName) value is not a condition.")
            }
        }
    }

    /// `lhs op rhs`; `null` equals only `null`, and orders before nothing.
    static func compare(
        _ comparison: Comparison, _ lhs: ODataFilterValue, _ rhs: ODataFilterValue
    ) throws(ODataRequestError) -> Bool {
        guard let order = try ordering(lhs, rhs) else {
            switch comparison {
            case .eq: return lhs == .null && rhs == .null
            case .ne: return !(lhs == .null && rhs == .null)
            default: return false
            }
        }
        switch comparison {
        case .eq: return order == .orderedSame
        case .ne: return order != .orderedSame
        case .gt: return order == .orderedDescending
        case .ge: return order != .orderedAscending
        case .lt: return order == .orderedAscending
        case .le: return order != .orderedDescending
        }
    }

    /// How `lhs` orders against `rhs`; `nil` when either is `null`.
    ///
    /// - Throws: ``ODataRequestError`` (400) for types that cannot be compared.
    static func ordering(_ lhs: ODataFilterValue, _ rhs: ODataFilterValue) throws(ODataRequestError)
        -> ComparisonResult?
    {
        switch (lhs, rhs) {
        case (.null, _), (_, .null):
            return nil
        case (.number(let left), .number(let right)):
            return left < right ? .orderedAscending : (left > right ? .orderedDescending : .orderedSame)
        case (.bool(let left), .bool(let right)):
            return left == right ? .orderedSame : (left ? .orderedDescending : .orderedAscending)
        case (.string(let left), .string(let right)):
            return order(left, right)
        case (.string(let text), .guid(let guid)):
            return order(text.lowercased(), guid)
        case (.guid(let guid), .string(let text)):
            return order(guid, text.lowercased())
        case (.guid(let left), .guid(let right)):
            return order(left, right)
        case (.string(let text), .date(let date)):
            return order(String(text.prefix(10)), date)
        case (.date(let date), .string(let text)):
            return order(date, String(text.prefix(10)))
        case (.date(let left), .date(let right)):
            return order(left, right)
        case (.string(let text), .dateTime(let date)):
            guard let value = ODataFilterParser.dateTime(text) else { return .orderedAscending }
            return order(value, date)
        case (.dateTime(let date), .string(let text)):
            guard let value = ODataFilterParser.dateTime(text) else { return .orderedDescending }
            return order(date, value)
        case (.dateTime(let left), .dateTime(let right)):
            return order(left, right)
        default:
            throw .badRequest("The types '\(lhs.typeName)' and '\(rhs.typeName)' are not compatible.")
        }
    }

    private static func order<T: Comparable>(_ lhs: T, _ rhs: T) -> ComparisonResult {
        lhs < rhs ? .orderedAscending : (lhs > rhs ? .orderedDescending : .orderedSame)
    }
}

extension ODataFilterOperand {
    /// The operand's value for `record`.
    func value(in record: SandboxJSONObject) throws(ODataRequestError) -> ODataFilterValue {
        switch self {
        case .literal(let literal):
            return ODataFilterValue(literal)
        case .property(let path):
            var current: SandboxJSON? = .object(record)
            for part in path.split(separator: "/") { current = current?[String(part)] }
            return ODataFilterValue(current)
        case .call(let name, let inner):
            guard case .string(let text) = try inner.value(in: record) else {
                throw .badRequest("'\(name)' needs a string argument.")
            }
            switch name {
            case "tolower": return .string(text.lowercased())
            case "toupper": return .string(text.uppercased())
            default: return .string(text.trimmingCharacters(in: .whitespaces))
            }
        }
    }
}
