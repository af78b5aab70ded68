import AuthCore
import Foundation

/// Reads OData payloads with errors that say what was wrong: ``OdynError/Kind/invalidJSON(excerpt:)``
/// for bodies that are not JSON, ``OdynError/Kind/invalidODataResponse(reason:)`` for JSON of the wrong
/// shape, ``OdynError/Kind/decodingFailed(reason:)`` for records that do not fit the caller's type.
enum ODataResponseDecoder {
    /// The raw shape of a collection page.
    struct RawPage<Record: Decodable>: Decodable {
        let records: [Record]
        let count: Int?
        let context: String?
        let nextLink: String?
        let deltaLink: String?

        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else {
                throw ShapeError(reason: "the response is not a JSON object")
            }
            let valueKey = AnyCodingKey("value")
            guard container.contains(valueKey) else { throw ShapeError(reason: "OData response missing 'value' list") }
            if try container.decodeNil(forKey: valueKey) { throw ShapeError(reason: "OData response 'value' is null") }
            guard var list = try? container.nestedUnkeyedContainer(forKey: valueKey) else {
                throw ShapeError(reason: "OData response 'value' is not a list")
            }
            var records: [Record] = []
            if let count = list.count { records.reserveCapacity(count) }
            while !list.isAtEnd { records.append(try list.decode(Record.self)) }
            self.records = records
            self.count = RawPage.count(in: container)
            self.context = try? container.decodeIfPresent(String.self, forKey: AnyCodingKey("@odata.context"))
            self.deltaLink = try? container.decodeIfPresent(String.self, forKey: AnyCodingKey("@odata.deltaLink"))
            let linkKey = AnyCodingKey("@odata.nextLink")
            if container.contains(linkKey), try !container.decodeNil(forKey: linkKey) {
                guard let link = try? container.decode(String.self, forKey: linkKey) else {
                    throw ShapeError(reason: "'@odata.nextLink' is not a string")
                }
                self.nextLink = link.isEmpty ? nil : link
            } else {
                self.nextLink = nil
            }
        }

        /// `@odata.count` as a non-negative integer, written as a JSON number or, as some servers and
        /// proxies do, as a string of digits (`"3"`). Anything else (negative, fractional, out of
        /// range, not a number) is treated as absent: the count is an annotation, not worth failing
        /// the page for.
        static func count(in container: KeyedDecodingContainer<AnyCodingKey>) -> Int? {
            let key = AnyCodingKey("@odata.count")
            if let number = try? container.decodeIfPresent(Int.self, forKey: key) {
                return number >= 0 ? number : nil
            }
            guard let text = try? container.decodeIfPresent(String.self, forKey: key),
                !text.isEmpty, text.utf8.count <= 19, text.utf8.allSatisfy({ (0x30...0x39).contains($0) })
            else { return nil }
            return Int(text)
        }
    }

    /// A single entity: must be a JSON object.
    struct Entity<Value: Decodable>: Decodable {
        let value: Value

        init(from decoder: any Decoder) throws {
            guard (try? decoder.container(keyedBy: AnyCodingKey.self)) != nil else {
                throw ShapeError(reason: "the entity is not a JSON object")
            }
            value = try Value(from: decoder)
        }
    }

    struct ShapeError: Error {
        let reason: String
    }

    /// Decodes a collection page.
    static func page<Record: Decodable>(
        _ type: Record.Type, from response: ODataResponse, decoder: JSONDecoder
    ) throws -> RawPage<Record> {
        try decode(RawPage<Record>.self, from: response, decoder: decoder)
    }

    /// Decodes one entity.
    static func entity<Value: Decodable>(
        _ type: Value.Type, from response: ODataResponse, decoder: JSONDecoder
    ) throws -> Value {
        try decode(Entity<Value>.self, from: response, decoder: decoder).value
    }

    /// Decodes any JSON document of `type`.
    static func decode<Value: Decodable>(
        _ type: Value.Type, from response: ODataResponse, decoder: JSONDecoder
    ) throws -> Value {
        let body = response.raw.body
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw OdynError(.invalidJSON(excerpt: "<empty body>"))
        }
        if response.raw.looksLikeHTML { throw OdynError(.invalidJSON(excerpt: excerpt(response))) }
        do {
            return try decoder.decode(Value.self, from: body)
        } catch let shape as ShapeError {
            throw OdynError(.invalidODataResponse(reason: shape.reason))
        } catch let error as DecodingError {
            if (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) == nil {
                throw OdynError(.invalidJSON(excerpt: excerpt(response)))
            }
            throw OdynError(.decodingFailed(reason: APIError.summary(of: error)))
        }
    }

    /// A short excerpt of a body that could not be read: redacted with the client's redactor and
    /// scrubbed of the credentials the request sent (this text is built outside the pipeline, so
    /// the pipeline's scrubbing never saw it).
    static func excerpt(_ response: ODataResponse) -> String {
        let text = response.redactor.excerpt(of: response.raw.body, contentType: response.raw.contentType)
        return text.map(response.scrubber.clean) ?? "<empty body>"
    }
}

/// A coding key from any string.
struct AnyCodingKey: CodingKey, Hashable {
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
