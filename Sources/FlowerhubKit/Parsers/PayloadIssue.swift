import AuthCore

/// A response body that does not have the shape an endpoint needs.
///
/// An endpoint's decoding throws it; AuthCore hands it back as the `underlying` error of an
/// ``APIError`` carrying the status and the redacted URL, and the client turns the pair into a
/// ``FlowerhubError`` of code ``FlowerhubError/Code/invalidResponse``.
struct PayloadIssue: Error, Sendable, Equatable {
    let message: String
    /// Whether the client must forget its stored asset id (an unparseable `assetId`).
    let clearsStoredAssetId: Bool
    /// The body the parser refused (set by the endpoint's decoding).
    var json: JSONValue?
    /// The size of that body in bytes: a body too large to keep as the error's payload is not
    /// even redacted for it.
    var bodySize = 0

    init(_ message: String, clearsStoredAssetId: Bool = false) {
        self.message = message
        self.clearsStoredAssetId = clearsStoredAssetId
    }
}

/// The shape checks every endpoint parser starts with.
enum PayloadShape {
    /// The body as an object, or "expected dict".
    static func object(_ json: JSONValue?, _ what: String) throws(PayloadIssue) -> [String: JSONValue] {
        guard let object = json?.objectValue else {
            throw PayloadIssue("\(what): expected dict (JSON object), got \(kindName(json))")
        }
        return object
    }

    /// The body as an array, or "expected list".
    static func list(_ json: JSONValue?, _ what: String) throws(PayloadIssue) -> [JSONValue] {
        guard let array = json?.arrayValue else {
            throw PayloadIssue("\(what): expected list (JSON array), got \(kindName(json))")
        }
        return array
    }

    /// The objects of a list, skipping elements that are not objects.
    static func objects(in list: [JSONValue]) -> [[String: JSONValue]] {
        list.compactMap(\.objectValue)
    }

    /// The JSON type of a value, for messages that must not echo the value itself.
    static func kindName(_ json: JSONValue?) -> String {
        switch json {
        case nil: return "no JSON body"
        case .null?: return "null"
        case .bool?: return "boolean"
        case .number?: return "number"
        case .string?: return "string"
        case .array?: return "list"
        case .object?: return "dict"
        }
    }
}
