import Foundation

extension ViessmannClient {
    /// The most events one page may ask for.
    public static let maximumEventLimit = 1000

    /// One page of an installation's event history; follow ``ViessmannEventPage/nextCursor`` with
    /// `.cursor(…)` until it is `nil`.
    ///
    /// - Throws: ``ViessmannError`` `invalidArgument` for a limit outside 1…1000 or days outside 1…365.
    public func eventHistory(installationID: String, window: ViessmannEventWindow = .lastDays(1), limit: Int = 1000)
        async throws -> ViessmannEventPage
    {
        try Self.requireIDs(["installationID": installationID])
        guard (1...Self.maximumEventLimit).contains(limit) else {
            throw ViessmannError(.invalidArgument, "limit must be 1...\(Self.maximumEventLimit), got \(limit)")
        }
        var query: [URLQueryItem]
        switch window.storage {
        case .lastDays(let days):
            guard (1...365).contains(days) else {
                throw ViessmannError(.invalidArgument, "lastDays must be 1...365, got \(days)")
            }
            query = [URLQueryItem(name: "lastNDays", value: "\(days)")]
        case .cursor(let cursor):
            guard !cursor.isEmpty else { throw ViessmannError(.invalidArgument, "the cursor is empty") }
            query = [URLQueryItem(name: "cursor", value: cursor)]
        }
        query.append(URLQueryItem(name: "limit", value: "\(limit)"))
        return try await send(ViessmannEndpoints.events(installationID: installationID, query: query))
    }
}

extension ViessmannClient {
    /// Every event of the last `days` days: the pages followed until `cursor.next` is `""`.
    ///
    /// - Throws: ``ViessmannError`` `paginationLoop` when a cursor comes back twice or there are more
    ///   than `maximumPages` pages; the errors of ``eventHistory(installationID:window:limit:)``.
    public func allEvents(installationID: String, lastDays days: Int = 1, limit: Int = 1000, maximumPages: Int = 100)
        async throws -> [ViessmannEvent]
    {
        var page = try await eventHistory(installationID: installationID, window: .lastDays(days), limit: limit)
        var events = page.events
        var seen = Set<String>()
        var pages = 1
        while let next = page.nextCursor {
            guard seen.insert(next).inserted, pages < maximumPages else {
                throw ViessmannError(.paginationLoop, "the event history did not end after \(pages) pages")
            }
            page = try await eventHistory(installationID: installationID, window: .cursor(next), limit: limit)
            events += page.events
            pages += 1
        }
        return events
    }
}
