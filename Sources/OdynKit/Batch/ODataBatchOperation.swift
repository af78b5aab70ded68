import AuthCore
import Foundation
import HTTPTypes

/// One request inside a JSON `$batch`.
///
/// URLs are relative to the API root (for example `companies(<id>)/items(<id>)`). Operations without
/// an id get their position (`"1"`, `"2"`, …) when the batch is sent.
public struct ODataBatchOperation: Sendable, Equatable, Codable {
    /// The id the response is matched by.
    public var id: String?
    /// The HTTP method (`GET`, `POST`, `PATCH`, `DELETE`).
    public var method: String
    /// The URL relative to the API root, query included.
    public var url: String
    /// Header fields for this operation.
    public var headers: [String: String]?
    /// The JSON body, if any.
    public var body: JSONValue?
    /// Ids of operations that must succeed first.
    public var dependsOn: [String]?
    /// The atomicity group this operation belongs to.
    public var atomicityGroup: String?

    enum CodingKeys: String, CodingKey {
        case id
        case method
        case url
        case headers
        case body
        case dependsOn
        case atomicityGroup
    }

    /// Creates an operation from its parts.
    public init(
        id: String? = nil, method: String, url: String, headers: [String: String]? = nil, body: JSONValue? = nil,
        dependsOn: [String]? = nil, atomicityGroup: String? = nil
    ) {
        self.id = id
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.dependsOn = dependsOn
        self.atomicityGroup = atomicityGroup
    }

    /// A read.
    ///
    /// - Throws: ``OdynError`` of code `invalidEndpoint` for an absolute or `../` path.
    public static func get(_ path: String, query: ODataQuery = ODataQuery(), id: String? = nil) throws
        -> ODataBatchOperation
    {
        ODataBatchOperation(id: id, method: "GET", url: try url(path, query: query))
    }

    /// A create (`POST`) with a JSON body.
    ///
    /// - Throws: ``OdynError`` for a bad path.
    public static func create(_ path: String, body: JSONValue, id: String? = nil) throws -> ODataBatchOperation {
        ODataBatchOperation(
            id: id, method: "POST", url: try url(path, query: ODataQuery()),
            headers: ["Content-Type": "application/json"], body: body)
    }

    /// An update (`PATCH`) with `If-Match`.
    ///
    /// - Throws: ``OdynError`` of code `missingETag` for an empty tag, `invalidEndpoint` for a bad path.
    public static func update(_ path: String, etag: ODataETag, patch: JSONValue, id: String? = nil) throws
        -> ODataBatchOperation
    {
        let tag = try OdynClient.requireETag(etag)
        return ODataBatchOperation(
            id: id, method: "PATCH", url: try url(path, query: ODataQuery()),
            headers: ["Content-Type": "application/json", "If-Match": tag.value], body: patch
        )
    }

    /// A delete with `If-Match`.
    ///
    /// - Throws: ``OdynError`` of code `missingETag` for an empty tag, `invalidEndpoint` for a bad path.
    public static func delete(_ path: String, etag: ODataETag, id: String? = nil) throws -> ODataBatchOperation {
        let tag = try OdynClient.requireETag(etag)
        return ODataBatchOperation(
            id: id, method: "DELETE", url: try url(path, query: ODataQuery()), headers: ["If-Match": tag.value])
    }

    /// Converts any `Encodable` value into a JSON body for ``create(_:body:id:)`` and ``update(_:etag:patch:id:)``.
    ///
    /// - Throws: ``OdynError`` of code `invalidRequest` when it cannot be encoded.
    public static func jsonBody<Body: Encodable>(_ value: Body, encoder: JSONEncoder = JSONEncoder()) throws
        -> JSONValue
    {
        do {
            return try JSONValue(jsonData: encoder.encode(value))
        } catch {
            throw OdynError(.invalidRequest, "the operation body could not be encoded as JSON")
        }
    }

    private static func url(_ path: String, query: ODataQuery) throws -> String {
        let checked = try OdynClient.checkedEndpoint(path)
        guard !query.isEmpty else { return checked }
        return checked + (checked.contains("?") ? "&" : "?") + query.encoded
    }
}
