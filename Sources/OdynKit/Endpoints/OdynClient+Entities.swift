import AuthCore
import Foundation
import HTTPTypes

extension OdynClient {
    /// Every company of the environment (`companies`).
    ///
    /// - Throws: `APIError` for a failed request; ``OdynError`` for what OdynKit refuses itself.
    public func companies(query: ODataQuery = ODataQuery()) async throws -> [BCCompany] {
        try await collect(BCPath.companies, query: query, as: BCCompany.self).records
    }

    /// The company with exactly this `name` (`companies?$filter=name eq '…'`); `nil` if none.
    ///
    /// - Throws: `APIError` for a failed request; ``OdynError`` for what OdynKit refuses itself.
    public func company(named name: String) async throws -> BCCompany? {
        let query = ODataQuery().filter(.field("name").eq(.string(name)))
        return try await firstPage(BCPath.companies, query: query, as: BCCompany.self).records.first
    }

    /// The records of an entity set in a company, streamed page by page.
    public func records<Entity>(
        _ set: BCEntitySet<Entity>,
        company companyId: String,
        query: ODataQuery = ODataQuery(),
        headers: HTTPFields = [:],
        pagination: ODataPagination? = nil
    ) -> ODataRecordSequence<Entity> {
        records(
            BCPath.entitySet(set.name, company: companyId), query: query, as: Entity.self, headers: headers,
            pagination: pagination)
    }

    /// The pages of an entity set in a company.
    public func pages<Entity>(
        _ set: BCEntitySet<Entity>,
        company companyId: String,
        query: ODataQuery = ODataQuery(),
        headers: HTTPFields = [:],
        pagination: ODataPagination? = nil
    ) -> ODataPageSequence<Entity> {
        pages(
            BCPath.entitySet(set.name, company: companyId), query: query, as: Entity.self, headers: headers,
            pagination: pagination)
    }

    /// Every record of an entity set in a company, collected.
    ///
    /// - Throws: `APIError` for a failed request; ``OdynError`` for what OdynKit refuses itself.
    public func list<Entity>(
        _ set: BCEntitySet<Entity>,
        company companyId: String,
        query: ODataQuery = ODataQuery(),
        headers: HTTPFields = [:],
        pagination: ODataPagination? = nil
    ) async throws -> ODataCollection<Entity> {
        try await collect(
            BCPath.entitySet(set.name, company: companyId), query: query, as: Entity.self, headers: headers,
            pagination: pagination)
    }

    /// One entity by its id (`companies({company})/{set}({id})`).
    ///
    /// - Throws: `APIError`; a missing entity is kind `client` with status 404, and its
    ///   ``BCServiceError`` answers `isNotFound`.
    public func get<Entity>(
        _ set: BCEntitySet<Entity>, id: String, company companyId: String, query: ODataQuery = ODataQuery()
    ) async throws -> Entity {
        try await entity(BCPath.entitySet(set.name, company: companyId, key: .id(id)), query: query, as: Entity.self)
    }

    /// Creates an entity; expects `201 Created`.
    ///
    /// - Throws: `APIError` for a failed request; ``OdynError`` for what OdynKit refuses itself.
    public func create<Entity>(_ set: BCEntitySet<Entity>, _ value: Entity, company companyId: String) async throws
        -> Entity
    {
        try await create(BCPath.entitySet(set.name, company: companyId), body: value, as: Entity.self)
    }

    /// Updates an entity with `If-Match`; only the fields set in `changes` are sent.
    ///
    /// - Throws: `APIError`; ``OdynError`` of code `missingETag` without a tag.
    public func update<Entity>(
        _ set: BCEntitySet<Entity>,
        id: String,
        etag: ODataETag?,
        changes: Entity,
        company companyId: String
    ) async throws -> Entity {
        try await update(
            BCPath.entitySet(set.name, company: companyId, key: .id(id)), etag: etag, patch: changes, as: Entity.self)
    }

    /// Deletes an entity with `If-Match`; expects `204 No Content`.
    ///
    /// - Throws: `APIError`; ``OdynError`` of code `missingETag` without a tag.
    public func delete<Entity>(_ set: BCEntitySet<Entity>, id: String, etag: ODataETag?, company companyId: String)
        async throws
    {
        try await delete(BCPath.entitySet(set.name, company: companyId, key: .id(id)), etag: etag)
    }
}
