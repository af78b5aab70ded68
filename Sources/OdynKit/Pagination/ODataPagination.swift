/// Limits and hints for following `@odata.nextLink`.
public struct ODataPagination: Sendable, Equatable {
    /// What happens when more pages exist than ``maxPages`` allows.
    public enum LimitBehavior: Sendable, Equatable {
        /// End with an ``OdynError`` of code `pageLimitReached` after the last allowed page.
        case `throw`
        /// Stop quietly after the last allowed page.
        case truncate
    }

    /// The most pages fetched; `nil` for no limit.
    public var maxPages: Int?
    /// What happens at the limit.
    public var limitBehavior: LimitBehavior
    /// Asks the server for pages of at most this many records (`Prefer: odata.maxpagesize=N`).
    public var maxPageSize: Int?

    /// Creates pagination settings; by default no limit and the server's page size.
    public init(maxPages: Int? = nil, limitBehavior: LimitBehavior = .throw, maxPageSize: Int? = nil) {
        self.maxPages = maxPages
        self.limitBehavior = limitBehavior
        self.maxPageSize = maxPageSize
    }
}
