import Foundation

/// A raw query parameter's value in ``OdynClient/get(_:params:headers:)``, written as a literal:
///
/// ```swift
/// try await client.get("items", params: ["$top": 5, "$count": true, "$select": ["number", "displayName"]])
/// ```
///
/// Unlike Odyn (Python `str()`), booleans become `true`/`false` and lists one comma-separated
/// value, which is what OData expects. Values held in variables go through the static
/// constructors (`.int(count)`, `.filter(filter)`). A value type rather than conformances of
/// `String`, `Int`… so that OdynKit adds no members to types it does not own.
public struct ODataParameterValue: Sendable, Equatable, CustomStringConvertible {
    /// The value as query text (before percent-encoding).
    public let text: String

    /// A value from its query text.
    public init(_ text: String) {
        self.text = text
    }

    /// The text itself.
    public static func string(_ value: String) -> ODataParameterValue { ODataParameterValue(value) }

    /// The decimal digits.
    public static func int(_ value: Int) -> ODataParameterValue { ODataParameterValue(String(value)) }

    /// `true` or `false`.
    public static func bool(_ value: Bool) -> ODataParameterValue { ODataParameterValue(value ? "true" : "false") }

    /// The exact decimal text.
    public static func decimal(_ value: Decimal) -> ODataParameterValue { ODataParameterValue("\(value)") }

    /// The shortest text that reads back as the same number.
    public static func double(_ value: Double) -> ODataParameterValue { ODataParameterValue("\(value)") }

    /// The elements joined with commas (for `$select` and `$expand`).
    public static func list(_ values: [String]) -> ODataParameterValue {
        ODataParameterValue(values.joined(separator: ","))
    }

    /// A `$filter` expression.
    public static func filter(_ filter: ODataFilter) -> ODataParameterValue { ODataParameterValue(filter.expression) }

    /// The query text.
    public var description: String { text }
}

extension ODataParameterValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral
{
    /// A string literal, as it is.
    public init(stringLiteral value: String) { self.init(value) }
    /// An integer literal, as its digits.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A floating-point literal, as the shortest text that reads back as the same number.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A list of strings, joined with commas.
    public init(arrayLiteral elements: String...) { self = .list(elements) }
}
