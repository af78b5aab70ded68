/// A `$filter` expression built from typed parts, so quoting and escaping are always right.
///
/// ```swift
/// let filter = ODataFilter.field("displayName").eq("O'Brien & Sons")
///     && ODataFilter.field("balanceDue").gt(.decimal(100))
/// // displayName eq 'O''Brien & Sons' and balanceDue gt 100
/// ```
public struct ODataFilter: Sendable, Equatable, CustomStringConvertible {
    private enum Shape: Sendable, Equatable {
        case simple
        case and
        case or
    }

    /// The expression text (before percent-encoding).
    public let expression: String
    private let shape: Shape

    private init(_ expression: String, shape: Shape) {
        self.expression = expression
        self.shape = shape
    }

    /// An expression written by hand; it is wrapped in parentheses when combined.
    public static func raw(_ expression: String) -> ODataFilter { ODataFilter("(\(expression))", shape: .simple) }

    /// A property (or a path such as `customer/displayName`) to compare.
    public static func field(_ name: String) -> Field { Field(name: name) }

    /// The expression text.
    public var description: String { expression }

    /// Both expressions hold (`a and b`).
    public static func && (lhs: ODataFilter, rhs: ODataFilter) -> ODataFilter {
        ODataFilter("\(lhs.wrapped(unless: .and)) and \(rhs.wrapped(unless: .and))", shape: .and)
    }

    /// Either expression holds (`a or b`).
    public static func || (lhs: ODataFilter, rhs: ODataFilter) -> ODataFilter {
        ODataFilter("\(lhs.wrapped(unless: .or)) or \(rhs.wrapped(unless: .or))", shape: .or)
    }

    /// The expression does not hold (`not (a)`).
    public static prefix func ! (operand: ODataFilter) -> ODataFilter {
        ODataFilter("not (\(operand.expression))", shape: .simple)
    }

    private func wrapped(unless same: Shape) -> String {
        shape == .simple || shape == same ? expression : "(\(expression))"
    }

    /// One side of a comparison: a property name.
    public struct Field: Sendable, Equatable {
        /// The property name or path.
        public let name: String

        /// `name eq value`.
        public func eq(_ value: ODataLiteral) -> ODataFilter { compare("eq", value) }
        /// `name ne value`.
        public func ne(_ value: ODataLiteral) -> ODataFilter { compare("ne", value) }
        /// `name gt value`.
        public func gt(_ value: ODataLiteral) -> ODataFilter { compare("gt", value) }
        /// `name ge value`.
        public func ge(_ value: ODataLiteral) -> ODataFilter { compare("ge", value) }
        /// `name lt value`.
        public func lt(_ value: ODataLiteral) -> ODataFilter { compare("lt", value) }
        /// `name le value`.
        public func le(_ value: ODataLiteral) -> ODataFilter { compare("le", value) }
        /// `contains(name, value)`.
        public func contains(_ value: String) -> ODataFilter { function("contains", value) }
        /// `startswith(name, value)`.
        public func startsWith(_ value: String) -> ODataFilter { function("startswith", value) }
        /// `endswith(name, value)`.
        public func endsWith(_ value: String) -> ODataFilter { function("endswith", value) }
        /// `(name eq a or name eq b …)`: the value is one of `values`.
        public func isIn(_ values: [ODataLiteral]) -> ODataFilter {
            guard let first = values.first else { return .raw("false") }
            return values.dropFirst().reduce(eq(first)) { $0 || eq($1) }
        }

        private func compare(_ op: String, _ value: ODataLiteral) -> ODataFilter {
            ODataFilter("\(name) \(op) \(value.text)", shape: .simple)
        }

        private func function(_ function: String, _ value: String) -> ODataFilter {
            ODataFilter("\(function)(\(name),\(ODataLiteral.string(value).text))", shape: .simple)
        }
    }
}
