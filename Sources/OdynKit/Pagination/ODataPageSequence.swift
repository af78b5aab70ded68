import AuthCore
import Foundation
import HTTPTypes

/// The pages of an OData collection, fetched one at a time as you iterate.
///
/// Only the current page is held in memory. Each page request carries the same headers; the query
/// is sent with the first request only (later pages follow `@odata.nextLink`, which carries it).
/// Relative next links are resolved against the URL of the page that returned them; a link to
/// another scheme, host or port is refused (``OdynError/Kind/untrustedNextLink(host:)``); a link
/// that was already followed ends with ``OdynError/Kind/paginationLoop(url:)``; more pages than
/// ``ODataPagination/maxPages`` throw ``OdynError/Kind/pageLimitReached(limit:)`` or stop quietly.
/// A page is always delivered before the error its next link causes.
public struct ODataPageSequence<Record: Decodable & Sendable>: AsyncSequence, Sendable {
    /// A page.
    public typealias Element = ODataPage<Record>
    /// Any error, always an ``OdynError``.
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
        private var seen: Set<String> = []
        private var pageNumber = 0

        init(sequence: ODataPageSequence) {
            self.sequence = sequence
        }

        /// The next page, or `nil` after the last.
        ///
        /// - Throws: ``OdynError``.
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
                throw OdynError(.pageLimitReached(limit: maxPages))
            }
            var headers = sequence.headers
            if let size = limits.maxPageSize, headers[ODataHeaders.prefer] == nil {
                headers[ODataHeaders.prefer] = "odata.maxpagesize=\(size)"
            }
            let response: ODataResponse
            if let nextURL {
                response = try await client.sendRaw(.get, nextURL.absoluteString, headers: headers)
            } else {
                started = true
                let path = try OdynClient.checkedEndpoint(sequence.path)
                response = try await client.sendRaw(.get, path, query: sequence.query, headers: headers)
                seen.insert(response.raw.url.absoluteString)
            }
            pageNumber += 1
            let raw = try ODataResponseDecoder.page(Record.self, from: response, decoder: sequence.decoder.decoder)
            nextURL = nil
            var resolvedNext: URL?
            if let link = raw.nextLink {
                do {
                    let resolved = try resolve(link, against: response.raw.url)
                    resolvedNext = resolved
                    if let maxPages = limits.maxPages, pageNumber >= maxPages {
                        if limits.limitBehavior == .throw {
                            pendingError = OdynError(.pageLimitReached(limit: maxPages))
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
                    "url": "\(client.redactor.redact(url: response.raw.url))", "has_next": "\(resolvedNext != nil)",
                ]
            )
            return ODataPage(
                records: raw.records, totalCount: raw.count, context: raw.context, nextLink: resolvedNext,
                deltaLink: raw.deltaLink, url: response.raw.url, number: pageNumber
            )
        }

        private mutating func resolve(_ link: String, against base: URL) throws -> URL {
            guard let resolved = URL(string: link, relativeTo: base)?.absoluteURL, let host = resolved.host else {
                throw OdynError(.invalidODataResponse(reason: "'@odata.nextLink' is not a valid URL"))
            }
            guard let origin = Origin(resolved), origin == Origin(base) else {
                throw OdynError(.untrustedNextLink(host: host))
            }
            let url = origin.withoutDefaultPort(resolved)
            let key = url.absoluteString
            guard seen.insert(key).inserted else {
                throw OdynError(.paginationLoop(url: sequence.client.redactor.redact(url: url)))
            }
            return url
        }
    }
}

/// The scheme, host and port of a URL, compared the way browsers compare origins: case-insensitive
/// scheme and host, and a missing port equal to the scheme's default (`https` 443, `http` 80), so
/// `https://host/…` and `https://host:443/…` are the same origin while `https://host:8443/…` is not.
struct Origin: Equatable {
    let scheme: String
    let host: String
    let port: Int

    init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        let defaultPort: Int? = scheme == "https" ? 443 : (scheme == "http" ? 80 : nil)
        guard let port = url.port ?? defaultPort else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `url` without an explicit port when it is the scheme's default, so one page has one spelling
    /// (the loop guard compares spellings).
    func withoutDefaultPort(_ url: URL) -> URL {
        guard url.port != nil, let bare = url.deletingPort, Origin(bare) == self else { return url }
        return bare
    }
}

extension URL {
    /// The same URL without its explicit port.
    fileprivate var deletingPort: URL? {
        guard var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else { return nil }
        components.port = nil
        return components.url
    }
}

/// The records of an OData collection, streamed page by page (one page in memory at a time).
public struct ODataRecordSequence<Record: Decodable & Sendable>: AsyncSequence, Sendable {
    /// A record.
    public typealias Element = Record
    /// Any error, always an ``OdynError``.
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
        /// - Throws: ``OdynError``.
        public mutating func next() async throws -> Record? {
            while index >= current.count {
                guard let page = try await pages.next() else { return nil }
                current = page.records
                index = 0
            }
            defer { index += 1 }
            return current[index]
        }
    }
}
