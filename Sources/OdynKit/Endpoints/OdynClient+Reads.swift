import AuthCore
import Foundation
import HTTPTypes

extension OdynClient {
    /// Fetches every record of a collection, following `@odata.nextLink` (Odyn's `get`).
    ///
    /// `params` are encoded in the order given, `%20` for spaces, `$ ( ) ' ,` readable and `&`
    /// inside a value escaped; an endpoint that already has a query is merged with `&`. The same
    /// `headers` go on every page request. Unlike Odyn, a page limit and a loop guard apply, and
    /// relative next links are resolved.
    ///
    /// - Throws: `APIError` for a failed request; ``OdynError`` for a bad path, a page of the wrong
    ///   shape, a pagination loop or the page limit.
    public func get(
        _ endpoint: String,
        params: KeyValuePairs<String, ODataParameterValue> = [:],
        headers: HTTPFields = [:]
    ) async throws -> [JSONValue] {
        let query = ODataQuery(params.map { ($0.key, $0.value.text) })
        return try await collect(endpoint, query: query, as: JSONValue.self, headers: headers).records
    }

    /// The pages of a collection, fetched as you iterate (constant memory).
    public func pages<Record: Decodable & Sendable>(
        _ endpoint: String,
        query: ODataQuery = ODataQuery(),
        as type: Record.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        pagination: ODataPagination? = nil,
        decoder: JSONDecoder = JSONDecoder()
    ) -> ODataPageSequence<Record> {
        ODataPageSequence(
            client: self, path: endpoint, query: query.items, headers: headers,
            pagination: pagination ?? configuration.pagination,
            decoder: JSONDecoderBox(decoder)
        )
    }

    /// The records of a collection, streamed page by page (one page in memory at a time).
    public func records<Record: Decodable & Sendable>(
        _ endpoint: String,
        query: ODataQuery = ODataQuery(),
        as type: Record.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        pagination: ODataPagination? = nil,
        decoder: JSONDecoder = JSONDecoder()
    ) -> ODataRecordSequence<Record> {
        ODataRecordSequence(
            pages: pages(endpoint, query: query, as: type, headers: headers, pagination: pagination, decoder: decoder))
    }

    /// Every record of a collection, collected, with `@odata.count` and `@odata.context`.
    ///
    /// - Throws: As ``get(_:params:headers:)``.
    public func collect<Record: Decodable & Sendable>(
        _ endpoint: String,
        query: ODataQuery = ODataQuery(),
        as type: Record.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        pagination: ODataPagination? = nil,
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> ODataCollection<Record> {
        var records: [Record] = []
        var totalCount: Int?
        var context: String?
        var pageCount = 0
        for try await page in pages(
            endpoint, query: query, as: type, headers: headers, pagination: pagination, decoder: decoder)
        {
            records.append(contentsOf: page.records)
            totalCount = totalCount ?? page.totalCount
            context = context ?? page.context
            pageCount += 1
        }
        logger?.debug("odata collection read", metadata: ["pages": "\(pageCount)", "records": "\(records.count)"])
        return ODataCollection(records: records, totalCount: totalCount, context: context, pageCount: pageCount)
    }

    /// The first page only (no next link followed).
    ///
    /// - Throws: As ``get(_:params:headers:)``.
    public func firstPage<Record: Decodable & Sendable>(
        _ endpoint: String,
        query: ODataQuery = ODataQuery(),
        as type: Record.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> ODataPage<Record> {
        var iterator = pages(
            endpoint, query: query, as: type, headers: headers,
            pagination: ODataPagination(maxPages: 1, limitBehavior: .truncate), decoder: decoder
        ).makeAsyncIterator()
        guard let page = try await iterator.next() else {
            throw ODataPageReader.shape("no page was returned")
        }
        return page
    }

    /// One entity (for example `companies(<id>)/items(<id>)`), which Odyn could not read.
    ///
    /// - Throws: `APIError` for a failed request; ``OdynError`` of code `invalidODataResponse`
    ///   when the body is not a JSON object.
    public func entity<Value: Decodable & Sendable>(
        _ endpoint: String,
        query: ODataQuery = ODataQuery(),
        as type: Value.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> Value {
        let path = try OdynClient.checkedEndpoint(endpoint)
        return try await send(
            OdynEndpoints.entity(path: path, query: query.items, headers: headers, decoder: JSONDecoderBox(decoder)))
    }
}
