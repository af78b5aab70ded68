import AuthCore
import Foundation
import HTTPTypes

/// Reads the API's `{"data": …}` envelopes, refusing shapes that are not what the API sends.
enum ViessmannResponseReader {
    /// The body as JSON.
    ///
    /// - Throws: `APIError` of kind `invalidResponse` for an empty body, an HTML page or text that is not JSON.
    static func json(_ body: Data) throws -> JSONValue {
        try JSONResponse.parse(RawResponse(head: HTTPResponse(status: .ok), body: body, url: placeholderURL))
    }

    /// The response's body as JSON, with the same rules.
    static func json(_ response: RawResponse) throws -> JSONValue {
        try JSONResponse.parse(response)
    }

    private static let placeholderURL = URL(string: "https://api.viessmann-climatesolutions.com/")!

    /// The `data` list of an envelope. A missing `data` is an empty list, as the API sends for none.
    ///
    /// - Throws: ``ViessmannError`` `invalidResponse` when the root is not an object or `data` is not a list.
    static func dataList(_ json: JSONValue, what: String) throws -> [JSONValue] {
        guard case .object(let root) = json else {
            throw ViessmannError(.invalidResponse, "the \(what) answer is not a JSON object")
        }
        switch root["data"] {
        case nil, .null?: return []
        case .array(let list)?: return list
        default: throw ViessmannError(.invalidResponse, "the \(what) answer's data is not a list")
        }
    }

    /// The objects of the `data` list.
    static func dataObjects(_ json: JSONValue, what: String) throws -> [[String: JSONValue]] {
        try dataList(json, what: what).map { entry in
            guard case .object(let object) = entry else {
                throw ViessmannError(.invalidResponse, "a \(what) entry is not a JSON object")
            }
            return object
        }
    }

    /// `cursor.next`, `nil` when absent or `""` (the last page).
    static func nextCursor(_ json: JSONValue) -> String? {
        guard let next = json["cursor"]?["next"]?.stringValue, !next.isEmpty else { return nil }
        return next
    }

    /// A text member that may be sent as a string or a number (ids); `nil` when absent.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .number(let number)?: return number.description
        default: return nil
        }
    }
}
