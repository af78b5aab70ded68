import AuthCore
import Foundation

/// A collection page as one response carried it, before its next link is checked.
struct ODataPageBody<Record: Sendable>: Sendable {
    /// The records (`value`).
    let records: [Record]
    /// `@odata.count`, when readable.
    let count: Int?
    /// `@odata.context`.
    let context: String?
    /// `@odata.nextLink` as written (possibly relative); `nil` when absent, `null` or empty.
    let nextLink: String?
    /// `@odata.deltaLink`.
    let deltaLink: String?
    /// The URL the page answered, to resolve a relative next link against.
    let url: URL
}

/// Reads the bodies of accepted Business Central answers, inside their endpoints' `decode`.
///
/// A body that is not JSON (empty, an HTML page, malformed) and records that do not fit the
/// caller's type are AuthCore ``APIError``s (kinds `invalidResponse` and `decoding`, with a
/// redacted excerpt added by the pipeline). JSON of the wrong OData shape is an ``OdynError`` of
/// code `invalidODataResponse`.
///
/// Dynamic records (``ODataRecord`` and `JSONValue`) are read with AuthCore's JSON reader in one
/// pass; typed records with the caller's `JSONDecoder`, also in one pass.
enum ODataPageReader {
    /// Reads a collection page.
    static func page<Record: Decodable & Sendable>(
        _ type: Record.Type, from response: RawResponse, decoder: JSONDecoder
    ) throws -> ODataPageBody<Record> {
        if Record.self == ODataRecord.self || Record.self == JSONValue.self {
            return try dynamicPage(Record.self, from: response)
        }
        let page = try JSONResponse.decode(ODataCollectionPage<Record>.self, from: response, decoder: decoder)
        return ODataPageBody(
            records: page.records, count: page.count, context: page.context, nextLink: page.nextLink,
            deltaLink: page.deltaLink, url: response.url)
    }

    /// Reads a single entity, which must be a JSON object.
    static func entity<Value: Decodable>(_ type: Value.Type, from response: RawResponse, decoder: JSONDecoder) throws
        -> Value
    {
        if Value.self == ODataRecord.self || Value.self == JSONValue.self {
            let json = try JSONResponse.parse(response)
            guard case .object(let members) = json else { throw shape("the entity is not a JSON object") }
            if let value = members as? Value { return value }
            if let value = json as? Value { return value }
        }
        return try JSONResponse.decode(ODataEntity<Value>.self, from: response, decoder: decoder).value
    }

    /// The error for JSON of the wrong OData shape.
    static func shape(_ reason: String) -> OdynError {
        OdynError(.invalidODataResponse, reason)
    }

    /// A page of dynamic records, read with AuthCore's JSON reader.
    private static func dynamicPage<Record: Sendable>(_ type: Record.Type, from response: RawResponse) throws
        -> ODataPageBody<Record>
    {
        guard case .object(let members) = try JSONResponse.parse(response) else {
            throw shape("the response is not a JSON object")
        }
        let elements = try values(in: members)
        let records: [Record]
        if let values = elements as? [Record] {
            records = values
        } else {
            var objects: [ODataRecord] = []
            objects.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                guard case .object(let object) = element else {
                    throw APIError(
                        kind: .decoding,
                        message: "record \(index) of the page is not a JSON object",
                        status: response.status, responseBody: response.body
                    )
                }
                objects.append(object)
            }
            guard let typed = objects as? [Record] else { throw shape("unsupported dynamic record type") }
            records = typed
        }
        return ODataPageBody(
            records: records, count: ODataAnnotations.count(members["@odata.count"]),
            context: members["@odata.context"]?.stringValue,
            nextLink: try ODataAnnotations.nextLink(members["@odata.nextLink"]),
            deltaLink: members["@odata.deltaLink"]?.stringValue, url: response.url
        )
    }

    /// The `value` list of a page.
    private static func values(in members: [String: JSONValue]) throws -> [JSONValue] {
        switch members["value"] {
        case nil: throw shape("OData response missing 'value' list")
        case .null?: throw shape("OData response 'value' is null")
        case .array(let elements)?: return elements
        default: throw shape("OData response 'value' is not a list")
        }
    }
}

/// The rules for a page's annotations, shared by the typed and the dynamic reader.
enum ODataAnnotations {
    /// `@odata.count` as a non-negative integer, written as a JSON number or, as some servers and
    /// proxies do, as a string of digits (`"3"`). Anything else (negative, fractional, out of
    /// range, not a number) is treated as absent: the count is an annotation, not worth failing
    /// the page for.
    static func count(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number)?:
            return number.intValue.flatMap { $0 >= 0 ? $0 : nil }
        case .string(let text)?:
            guard !text.isEmpty, text.utf8.count <= 19, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                return nil
            }
            return Int(text)
        default:
            return nil
        }
    }

    /// `@odata.nextLink`: a string, or absent; `null` and `""` mean no next page.
    ///
    /// - Throws: ``OdynError`` of code `invalidODataResponse` for any other value.
    static func nextLink(_ value: JSONValue?) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let link)?: return link.isEmpty ? nil : link
        default: throw ODataPageReader.shape("'@odata.nextLink' is not a string")
        }
    }
}

/// The wire shape of a collection page with typed records.
struct ODataCollectionPage<Record: Decodable>: Decodable {
    let records: [Record]
    let count: Int?
    let context: String?
    let nextLink: String?
    let deltaLink: String?

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: ODataCodingKey.self) else {
            throw ODataPageReader.shape("the response is not a JSON object")
        }
        let valueKey = ODataCodingKey("value")
        guard container.contains(valueKey) else { throw ODataPageReader.shape("OData response missing 'value' list") }
        if try container.decodeNil(forKey: valueKey) { throw ODataPageReader.shape("OData response 'value' is null") }
        guard var list = try? container.nestedUnkeyedContainer(forKey: valueKey) else {
            throw ODataPageReader.shape("OData response 'value' is not a list")
        }
        var records: [Record] = []
        if let count = list.count { records.reserveCapacity(count) }
        while !list.isAtEnd { records.append(try list.decode(Record.self)) }
        self.records = records
        func annotation(_ name: String) -> JSONValue? {
            (try? container.decodeIfPresent(JSONValue.self, forKey: ODataCodingKey(name))) ?? nil
        }
        self.count = ODataAnnotations.count(annotation("@odata.count"))
        self.context = annotation("@odata.context")?.stringValue
        self.deltaLink = annotation("@odata.deltaLink")?.stringValue
        self.nextLink = try ODataAnnotations.nextLink(annotation("@odata.nextLink"))
    }
}

/// A single entity: must be a JSON object.
struct ODataEntity<Value: Decodable>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        guard (try? decoder.container(keyedBy: ODataCodingKey.self)) != nil else {
            throw ODataPageReader.shape("the entity is not a JSON object")
        }
        value = try Value(from: decoder)
    }
}

/// A coding key from any string.
struct ODataCodingKey: CodingKey, Hashable {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
