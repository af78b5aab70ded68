import Foundation

/// A value that can be given as a raw query parameter in ``OdynClient/get(_:params:headers:)``.
///
/// Unlike Odyn (Python `str()`), booleans become `true`/`false` and lists become one
/// comma-separated value, which is what OData expects.
public protocol ODataParameterValue: Sendable {
    /// The value as query text (before percent-encoding).
    var odataParameterText: String { get }
}

extension String: ODataParameterValue {
    /// The string itself.
    public var odataParameterText: String { self }
}

extension Int: ODataParameterValue {
    /// The decimal digits.
    public var odataParameterText: String { String(self) }
}

extension Bool: ODataParameterValue {
    /// `true` or `false`.
    public var odataParameterText: String { self ? "true" : "false" }
}

extension Decimal: ODataParameterValue {
    /// The exact decimal text.
    public var odataParameterText: String { "\(self)" }
}

extension Double: ODataParameterValue {
    /// The shortest text that reads back as the same number.
    public var odataParameterText: String { "\(self)" }
}

extension Array: ODataParameterValue where Element == String {
    /// The elements joined with commas (for `$select` and `$expand`).
    public var odataParameterText: String { joined(separator: ",") }
}

extension ODataFilter: ODataParameterValue {
    /// The expression text.
    public var odataParameterText: String { expression }
}
