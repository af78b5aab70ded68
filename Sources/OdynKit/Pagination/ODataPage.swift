import AuthCore
import Foundation

/// A dynamic record: one entity as JSON members.
public typealias ODataRecord = [String: JSONValue]

/// One page of an OData collection: its records and the annotations that came with them.
public struct ODataPage<Record: Sendable>: Sendable {
    /// The records of this page (`value`).
    public let records: [Record]
    /// The total count across all pages (`@odata.count`, present when `$count=true` was asked).
    public let totalCount: Int?
    /// The metadata context (`@odata.context`).
    public let context: String?
    /// The link to the next page (`@odata.nextLink`), resolved to an absolute URL; `nil` on the last page.
    public let nextLink: URL?
    /// The delta link (`@odata.deltaLink`), if the server sent one.
    public let deltaLink: String?
    /// The URL this page was read from.
    public let url: URL
    /// The page number, starting at 1.
    public let number: Int

    /// Creates a page.
    public init(
        records: [Record], totalCount: Int?, context: String?, nextLink: URL?, deltaLink: String?, url: URL, number: Int
    ) {
        self.records = records
        self.totalCount = totalCount
        self.context = context
        self.nextLink = nextLink
        self.deltaLink = deltaLink
        self.url = url
        self.number = number
    }
}

extension ODataPage: Equatable where Record: Equatable {}
