import AuthCore

/// The records of an OData collection, streamed page by page (one page in memory at a time).
public struct ODataRecordSequence<Record: Decodable & Sendable>: AsyncSequence, Sendable {
    /// A record.
    public typealias Element = Record
    /// `APIError` for a failed request, ``OdynError`` for a refused page or link.
    public typealias Failure = any Error

    /// The pages underneath.
    public let pages: ODataPageSequence<Record>

    /// Creates the iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator())
    }

    /// Yields the records of each page in turn.
    public struct Iterator: AsyncIteratorProtocol {
        /// A record.
        public typealias Element = Record

        private var pages: ODataPageSequence<Record>.Iterator
        private var current: [Record] = []
        private var index = 0

        init(pages: ODataPageSequence<Record>.Iterator) {
            self.pages = pages
        }

        /// The next record, or `nil` after the last page.
        ///
        /// - Throws: `APIError` for a failed request, ``OdynError`` for a refused page or link.
        public mutating func next() async throws -> Record? {
            while index >= current.count {
                // Let the page just read go before the next one arrives, so at most one is held.
                current = []
                guard let page = try await pages.next() else { return nil }
                current = page.records
                index = 0
            }
            defer { index += 1 }
            return current[index]
        }
    }
}
