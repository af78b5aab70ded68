import AuthCore
import Foundation

/// OData query options (`$filter`, `$select`, `$expand`, `$orderby`, `$top`, `$skip`, `$count`, …)
/// kept in the order they were set.
///
/// Each method returns a changed copy, so queries chain:
/// ```swift
/// let query = ODataQuery()
///     .filter(.field("city").eq("Leeds"))
///     .select("number", "displayName")
///     .orderBy("displayName")
///     .top(50)
///     .count()
/// ```
/// Setting an option again replaces its value in place.
public struct ODataQuery: Sendable, Equatable {
    /// A sort direction for `$orderby`.
    public enum SortOrder: String, Sendable, Equatable {
        /// Ascending (`asc`).
        case ascending = "asc"
        /// Descending (`desc`).
        case descending = "desc"
    }

    /// The options as ordered name/value pairs.
    public private(set) var items: [URLQueryItem]

    /// An empty query.
    public init() {
        self.items = []
    }

    /// A query from ordered raw pairs, for example `[("$top", "5")]`.
    public init(_ pairs: [(String, String)]) {
        self.items = pairs.map { URLQueryItem(name: $0.0, value: $0.1) }
    }

    /// Whether no option is set.
    public var isEmpty: Bool { items.isEmpty }

    /// The query string (percent-encoded, without the leading `?`).
    public var encoded: String { URLEncoding.query(items) }

    /// The value set for `name`, if any.
    public func value(of name: String) -> String? { items.first { $0.name == name }?.value }

    /// Sets `name` to `value` (in place when already set).
    public func setting(_ name: String, _ value: String) -> ODataQuery {
        var copy = self
        if let index = copy.items.firstIndex(where: { $0.name == name }) {
            copy.items[index] = URLQueryItem(name: name, value: value)
        } else {
            copy.items.append(URLQueryItem(name: name, value: value))
        }
        return copy
    }

    /// `$filter` from a typed expression.
    public func filter(_ filter: ODataFilter) -> ODataQuery { setting("$filter", filter.expression) }
    /// `$filter` written by hand.
    public func filter(raw expression: String) -> ODataQuery { setting("$filter", expression) }
    /// `$select=a,b,c`.
    public func select(_ fields: String...) -> ODataQuery { select(fields) }
    /// `$select=a,b,c`.
    public func select(_ fields: [String]) -> ODataQuery { setting("$select", fields.joined(separator: ",")) }
    /// `$expand=a,b`.
    public func expand(_ navigations: String...) -> ODataQuery {
        setting("$expand", navigations.joined(separator: ","))
    }
    /// `$orderby=field [desc]`; several fields take the array form.
    public func orderBy(_ field: String, _ order: SortOrder = .ascending) -> ODataQuery {
        setting("$orderby", order == .ascending ? field : "\(field) desc")
    }
    /// `$orderby` over several fields, in order.
    public func orderBy(_ fields: [(String, SortOrder)]) -> ODataQuery {
        setting("$orderby", fields.map { $0.1 == .ascending ? $0.0 : "\($0.0) desc" }.joined(separator: ","))
    }
    /// `$top=n`.
    public func top(_ count: Int) -> ODataQuery { setting("$top", String(count)) }
    /// `$skip=n`.
    public func skip(_ count: Int) -> ODataQuery { setting("$skip", String(count)) }
    /// `$count=true` (the response then carries `@odata.count`).
    public func count(_ include: Bool = true) -> ODataQuery { setting("$count", include ? "true" : "false") }
    /// `$schemaversion=v`.
    public func schemaVersion(_ version: String) -> ODataQuery { setting("$schemaversion", version) }
}
