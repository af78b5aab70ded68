import AuthCore

/// All records of a collection, collected, with the annotations of its first page.
public struct ODataCollection<Record: Sendable>: Sendable {
    /// Every record, in order.
    public let records: [Record]
    /// `@odata.count` from the first page that had it.
    public let totalCount: Int?
    /// `@odata.context` of the first page.
    public let context: String?
    /// How many pages were read.
    public let pageCount: Int

    /// Creates a collection.
    public init(records: [Record], totalCount: Int?, context: String?, pageCount: Int) {
        self.records = records
        self.totalCount = totalCount
        self.context = context
        self.pageCount = pageCount
    }
}

extension ODataCollection: Equatable where Record: Equatable {}
