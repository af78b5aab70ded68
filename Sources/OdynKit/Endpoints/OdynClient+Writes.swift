import AuthCore
import Foundation
import HTTPTypes

extension OdynClient {
    /// Creates an entity: `POST` with a JSON body, expecting `201 Created` and the new entity.
    ///
    /// POST is never retried on a bad status (a repeat could insert twice).
    ///
    /// - Throws: `APIError` for a failed request (another success status than 201 is kind
    ///   `invalidResponse`); ``OdynError`` for a bad path or a body that cannot be encoded.
    public func create<Body: Encodable & Sendable, Value: Decodable & Sendable>(
        _ endpoint: String,
        body: Body,
        as type: Value.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        encoder: JSONEncoder = JSONEncoder(),
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> Value {
        let path = try OdynClient.checkedEndpoint(endpoint)
        let payload = try OdynClient.encodeBody(body, encoder: encoder)
        return try await send(
            OdynEndpoints.create(path: path, body: payload, headers: headers, decoder: JSONDecoderBox(decoder)))
    }

    /// Updates an entity: `PATCH` with `If-Match` sent byte for byte, expecting `200` and the updated entity.
    ///
    /// A PATCH with a concrete tag is safe to retry (a repeat fails the tag check instead of applying
    /// twice), so it follows the retry settings; with ``ODataETag/any`` it is not retried.
    ///
    /// - Parameters:
    ///   - endpoint: The entity's path, relative to the client's base URL.
    ///   - etag: The entity's `@odata.etag`, or ``ODataETag/any``. `nil` or an empty tag is
    ///     refused locally with an ``OdynError`` of code `missingETag`, before anything is sent.
    ///   - patch: The fields to change, encoded as JSON.
    ///   - type: The type the updated entity is decoded into.
    ///   - headers: Extra header fields for this request.
    ///   - encoder: Encodes `patch`.
    ///   - decoder: Decodes the answer.
    /// - Throws: `APIError`; a stale tag is a 409 or 412 whose ``BCServiceError`` answers
    ///   `isConcurrencyConflict`. ``OdynError`` for what is refused locally.
    public func update<Patch: Encodable & Sendable, Value: Decodable & Sendable>(
        _ endpoint: String,
        etag: ODataETag?,
        patch: Patch,
        as type: Value.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        encoder: JSONEncoder = JSONEncoder(),
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> Value {
        let tag = try OdynClient.requireETag(etag)
        let path = try OdynClient.checkedEndpoint(endpoint)
        let payload = try OdynClient.encodeBody(patch, encoder: encoder)
        return try await send(
            OdynEndpoints.update(
                path: path, etag: tag, body: payload, headers: headers, decoder: JSONDecoderBox(decoder)))
    }

    /// Deletes an entity: `DELETE` with `If-Match`, expecting a 2xx such as `204 No Content` (the body is not read).
    ///
    /// - Parameters:
    ///   - endpoint: The entity's path, relative to the client's base URL.
    ///   - etag: The entity's `@odata.etag`, or ``ODataETag/any``; `nil` is refused locally.
    ///   - headers: Extra header fields for this request.
    /// - Throws: `APIError`; ``OdynError`` for what is refused locally.
    public func delete(_ endpoint: String, etag: ODataETag?, headers: HTTPFields = [:]) async throws {
        let tag = try OdynClient.requireETag(etag)
        let path = try OdynClient.checkedEndpoint(endpoint)
        try await send(OdynEndpoints.delete(path: path, etag: tag, headers: headers))
    }

    /// Calls a bound action (for example `salesOrders(<id>)/Microsoft.NAV.shipAndInvoice`): `POST`
    /// without a body (unless given), expecting a 2xx; the answer body, if any, is returned as JSON.
    ///
    /// - Throws: `APIError`; ``OdynError`` for a bad path.
    public func action(_ endpoint: String, parameters: JSONValue? = nil, headers: HTTPFields = [:]) async throws
        -> JSONValue?
    {
        let path = try OdynClient.checkedEndpoint(endpoint)
        let payload = try parameters.map { try OdynClient.encodeBody($0, encoder: JSONEncoder()) }
        return try await send(OdynEndpoints.action(path: path, body: payload, headers: headers))
    }

    static func requireETag(_ etag: ODataETag?) throws -> ODataETag {
        guard let etag, !etag.value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OdynError(.missingETag, "an update or delete needs the entity's ETag (or ODataETag.any)")
        }
        return etag
    }

    static func encodeBody<Body: Encodable>(_ body: Body, encoder: JSONEncoder) throws -> APIRequestBody {
        do {
            return try APIRequestBody.json(body, encoder: encoder)
        } catch {
            throw OdynError(.invalidRequest, "the request body could not be encoded as JSON")
        }
    }
}
