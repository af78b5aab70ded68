import AuthCore
import Foundation
import HTTPTypes

extension OdynClient {
    /// Creates an entity: `POST` with a JSON body, expecting `201 Created` and the new entity.
    ///
    /// POST is never retried on a bad status (a repeat could insert twice).
    ///
    /// - Throws: ``OdynError``; ``OdynError/Kind/invalidODataResponse(reason:)`` for a success other than 201.
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
        let response = try await sendRaw(.post, path, headers: headers, body: payload, acceptableStatus: { $0 == 201 })
        return try ODataResponseDecoder.entity(Value.self, from: response, decoder: decoder)
    }

    /// Updates an entity: `PATCH` with `If-Match` sent byte for byte, expecting `200` and the updated entity.
    ///
    /// A PATCH with a concrete tag is safe to retry (a repeat fails the tag check instead of applying
    /// twice), so it follows the session's retry settings; with ``ETag/any`` it is not retried.
    ///
    /// - Parameter etag: The entity's `@odata.etag`, or ``ETag/any``. `nil` or an empty tag is refused
    ///   locally with ``OdynError/Kind/missingETag``, before anything is sent.
    /// - Throws: ``OdynError``; ``OdynError/Kind/concurrencyConflict(status:code:message:correlationId:)`` for a stale tag.
    public func update<Patch: Encodable & Sendable, Value: Decodable & Sendable>(
        _ endpoint: String,
        etag: ETag?,
        patch: Patch,
        as type: Value.Type = ODataRecord.self,
        headers: HTTPFields = [:],
        encoder: JSONEncoder = JSONEncoder(),
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> Value {
        let tag = try OdynClient.requireETag(etag)
        let path = try OdynClient.checkedEndpoint(endpoint)
        let payload = try OdynClient.encodeBody(patch, encoder: encoder)
        var fields = headers
        fields[ODataHeaders.ifMatch] = tag.value
        let response = try await sendRaw(.patch, path, headers: fields, body: payload, isIdempotent: !tag.isAny)
        return try ODataResponseDecoder.entity(Value.self, from: response, decoder: decoder)
    }

    /// Deletes an entity: `DELETE` with `If-Match`, expecting `204 No Content` (the body is not read).
    ///
    /// - Parameter etag: The entity's `@odata.etag`, or ``ETag/any``; `nil` is refused locally.
    /// - Throws: ``OdynError``.
    public func delete(_ endpoint: String, etag: ETag?, headers: HTTPFields = [:]) async throws {
        let tag = try OdynClient.requireETag(etag)
        let path = try OdynClient.checkedEndpoint(endpoint)
        var fields = headers
        fields[ODataHeaders.ifMatch] = tag.value
        _ = try await sendRaw(.delete, path, headers: fields)
    }

    /// Calls a bound action (for example `salesOrders(<id>)/Microsoft.NAV.shipAndInvoice`): `POST`
    /// without a body (unless given), expecting a 2xx; the answer body, if any, is returned as JSON.
    ///
    /// - Throws: ``OdynError``.
    public func action(_ endpoint: String, parameters: JSONValue? = nil, headers: HTTPFields = [:]) async throws
        -> JSONValue?
    {
        let path = try OdynClient.checkedEndpoint(endpoint)
        let payload = try parameters.map { try OdynClient.encodeBody($0, encoder: JSONEncoder()) }
        let response = try await sendRaw(.post, path, headers: headers, body: payload)
        guard !response.raw.body.isEmpty else { return nil }
        return try ODataResponseDecoder.decode(JSONValue.self, from: response, decoder: JSONDecoder())
    }

    static func requireETag(_ etag: ETag?) throws -> ETag {
        guard let etag, !etag.value.trimmingCharacters(in: .whitespaces).isEmpty else { throw OdynError(.missingETag) }
        return etag
    }

    static func encodeBody<Body: Encodable>(_ body: Body, encoder: JSONEncoder) throws -> APIRequestBody {
        do {
            return try APIRequestBody.json(body, encoder: encoder)
        } catch {
            throw OdynError(.invalidRequest(reason: "the request body could not be encoded as JSON"))
        }
    }
}
