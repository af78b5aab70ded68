import AuthCore
import Foundation
import HTTPTypes

/// The pages of an OData collection, fetched one at a time as you iterate.
///
/// Only the current page is held in memory. Each page request carries the same headers; the query
/// is sent with the first request only (later pages follow `@odata.nextLink`, which carries it).
/// Relative next links are resolved against the URL of the page that returned them. A link to
/// another scheme, host or port is refused (``OdynError`` code `untrustedNextLink`: the request
/// would carry the credentials there); a link that was already followed ends the sequence with
/// `paginationLoop`; more pages than ``ODataPagination/maxPages`` end it with `pageLimitReached`
/// or quietly. A page is always delivered before the error its next link causes.
public struct ODataPageSequence<Record: Decodable & Sendable>: AsyncSequence, Sendable {
    /// A page.
    public typealias Element = ODataPage<Record>
    /// `APIError` for a failed request, ``OdynError`` for a refused page or link.
    public typealias Failure = any Error

    let client: OdynClient
    let path: String
    let query: [URLQueryItem]
    let headers: HTTPFields
    let pagination: ODataPagination
    let decoder: JSONDecoderBox

    /// Creates the iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(sequence: self)
    }

    /// Fetches pages on demand.
    public struct Iterator: AsyncIteratorProtocol {
        /// A page.
        public typealias Element = ODataPage<Record>

        private let sequence: ODataPageSequence
        private var nextURL: URL?
        private var started = false
        private var finished = false
        private var pendingError: OdynError?
        private var seen = ODataVisitedLinks()
        private var pageNumber = 0

        init(sequence: ODataPageSequence) {
            self.sequence = sequence
        }

        /// The next page, or `nil` after the last.
        ///
        /// - Throws: `APIError` for a failed request, ``OdynError`` for a refused page or link.
        public mutating func next() async throws -> ODataPage<Record>? {
            if let pendingError {
                finished = true
                self.pendingError = nil
                throw pendingError
            }
            guard !finished else { return nil }
            if started, nextURL == nil {
                finished = true
                return nil
            }
            do {
                return try await fetch()
            } catch {
                finished = true
                throw error
            }
        }

        private mutating func fetch() async throws -> ODataPage<Record> {
            let client = sequence.client
            let limits = sequence.pagination
            if let maxPages = limits.maxPages, pageNumber >= maxPages {
                finished = true
                throw OdynError(.pageLimitReached, "more pages exist than the limit of \(maxPages) allows")
            }
            var headers = sequence.headers
            if let size = limits.maxPageSize, headers[ODataHeaders.prefer] == nil {
                headers[ODataHeaders.prefer] = "odata.maxpagesize=\(size)"
            }
            let raw: ODataPageBody<Record>
            if let nextURL {
                raw = try await client.send(
                    OdynEndpoints.page(
                        path: nextURL.absoluteString, query: [], headers: headers, decoder: sequence.decoder))
            } else {
                started = true
                let path = try OdynClient.checkedEndpoint(sequence.path)
                raw = try await client.send(
                    OdynEndpoints.page(path: path, query: sequence.query, headers: headers, decoder: sequence.decoder))
                seen.insert(ODataNextLink.key(raw.url))
            }
            pageNumber += 1
            nextURL = nil
            var resolvedNext: URL?
            if let link = raw.nextLink {
                do {
                    let resolved = try ODataNextLink.resolve(link, against: raw.url)
                    guard seen.insert(ODataNextLink.key(resolved)) else {
                        throw OdynError(
                            .paginationLoop,
                            "the next link repeats a page already read: \(client.redactor.redact(url: resolved))")
                    }
                    resolvedNext = resolved
                    if let maxPages = limits.maxPages, pageNumber >= maxPages {
                        if limits.limitBehavior == .throw {
                            pendingError = OdynError(
                                .pageLimitReached, "more pages exist than the limit of \(maxPages) allows")
                        }
                    } else {
                        nextURL = resolved
                    }
                } catch let error as OdynError {
                    pendingError = error
                }
            }
            client.logger?.debug(
                "odata page received",
                metadata: [
                    "page": "\(pageNumber)", "records": "\(raw.records.count)",
                    "url": "\(client.redactor.redact(url: raw.url))", "has_next": "\(resolvedNext != nil)",
                ]
            )
            return ODataPage(
                records: raw.records, totalCount: raw.count, context: raw.context, nextLink: resolvedNext,
                deltaLink: raw.deltaLink, url: raw.url, number: pageNumber
            )
        }
    }
}
