import AuthCore
import Foundation
import HTTPTypes

/// Every request OdynKit sends, as an AuthCore `Endpoint` with its typed decoding and Business
/// Central's error-envelope decoder. The client's calls build one of these and send it with
/// ``OdynClient/send(_:)``; nothing else reaches the network.
///
/// Paths are already checked and encoded (``OdynClient/checkedEndpoint(_:)``), or an absolute
/// next link of the same origin.
enum OdynEndpoints {
    /// One page of a collection (`GET`), the first one by path and query or a later one by its next link.
    static func page<Record: Decodable & Sendable>(
        path: String, query: [URLQueryItem], headers: HTTPFields, decoder: JSONDecoderBox
    ) -> Endpoint<ODataPageBody<Record>> {
        Endpoint(
            method: .get, path: path, query: query, headers: headers,
            errorDecoder: OdynErrorEnvelope.businessCentral,
            decode: { try ODataPageReader.page(Record.self, from: $0, decoder: decoder.decoder) }
        )
    }

    /// One entity (`GET`), which must be a JSON object.
    static func entity<Value: Decodable & Sendable>(
        path: String, query: [URLQueryItem], headers: HTTPFields, decoder: JSONDecoderBox
    ) -> Endpoint<Value> {
        Endpoint(
            method: .get, path: path, query: query, headers: headers,
            errorDecoder: OdynErrorEnvelope.businessCentral,
            decode: { try ODataPageReader.entity(Value.self, from: $0, decoder: decoder.decoder) }
        )
    }

    /// A create (`POST` with a JSON body): only `201 Created` is accepted, and the POST is never
    /// repeated on a bad status (a repeat could insert twice).
    static func create<Value: Decodable & Sendable>(
        path: String, body: APIRequestBody, headers: HTTPFields, decoder: JSONDecoderBox
    ) -> Endpoint<Value> {
        Endpoint(
            method: .post, path: path, headers: headers, body: body, isIdempotent: false,
            acceptableStatus: { $0 == 201 }, errorDecoder: OdynErrorEnvelope.businessCentral,
            decode: { try ODataPageReader.entity(Value.self, from: $0, decoder: decoder.decoder) }
        )
    }

    /// An update (`PATCH` with `If-Match`). With a concrete tag a repeat fails the tag check instead
    /// of applying twice, so it may be retried; with `*` it may not.
    static func update<Value: Decodable & Sendable>(
        path: String, etag: ODataETag, body: APIRequestBody, headers: HTTPFields, decoder: JSONDecoderBox
    ) -> Endpoint<Value> {
        var fields = headers
        fields[ODataHeaders.ifMatch] = etag.value
        return Endpoint(
            method: .patch, path: path, headers: fields, body: body, isIdempotent: !etag.isAny,
            errorDecoder: OdynErrorEnvelope.businessCentral,
            decode: { try ODataPageReader.entity(Value.self, from: $0, decoder: decoder.decoder) }
        )
    }

    /// A delete (`DELETE` with `If-Match`); the answer's body is not read.
    static func delete(path: String, etag: ODataETag, headers: HTTPFields) -> Endpoint<Void> {
        var fields = headers
        fields[ODataHeaders.ifMatch] = etag.value
        return Endpoint(
            method: .delete, path: path, headers: fields, errorDecoder: OdynErrorEnvelope.businessCentral,
            decode: { _ in }
        )
    }

    /// A bound action (`POST`, with a JSON body when given): any 2xx; the answer as JSON, `nil` when empty.
    static func action(path: String, body: APIRequestBody?, headers: HTTPFields) -> Endpoint<JSONValue?> {
        Endpoint(
            method: .post, path: path, headers: headers, body: body, isIdempotent: false,
            errorDecoder: OdynErrorEnvelope.businessCentral,
            decode: { response in
                guard !response.body.isEmpty else { return nil }
                return try JSONResponse.parse(response)
            }
        )
    }

    /// One JSON `$batch` request (`POST`, never repeated) and its answers, matched to the
    /// operations by id, with the inner errors scrubbed of what the batch request sent.
    static func batch(
        path: String, operations: [ODataBatchOperation], headers: HTTPFields, redactor: Redactor,
        timeSource: any TimeSource
    ) throws -> Endpoint<[ODataBatchResult]> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try OdynClient.encodeBody(ODataBatchRequestBody(requests: operations), encoder: encoder)
        return Endpoint(
            method: .post, path: path, headers: headers, body: body, isIdempotent: false,
            errorDecoder: OdynErrorEnvelope.businessCentral,
            decode: { response in
                try ODataBatchReader.results(
                    of: operations, from: response, redactor: redactor, now: timeSource.now)
            }
        )
    }
}
