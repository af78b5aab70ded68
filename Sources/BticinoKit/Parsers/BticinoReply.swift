import AuthCore
import Foundation

/// Netatmo's success envelope `{"status":"ok","time_server":…,"body":{…}}`, read leniently.
struct BticinoReply {
    /// The whole answer; `.null` for an empty answer (HTTP 204).
    let json: JSONValue

    /// Reads an accepted answer. An empty body (204) is an empty reply; anything else must be a JSON object.
    static func read(_ response: RawResponse) throws -> BticinoReply {
        if response.status == 204 || response.body.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
            return BticinoReply(json: .null)
        }
        let json = try JSONResponse.parse(response)
        guard case .object = json else {
            throw BticinoError(.invalidResponse, "the answer is not a JSON object")
        }
        return BticinoReply(json: json)
    }

    /// `body`, or `.null`.
    var body: JSONValue { json["body"] ?? .null }

    /// `time_server`.
    var timeServer: Int? { json["time_server"]?.lenientInt }
}

extension JSONValue {
    /// A non-empty string, or a number written as text (ids arrive in both shapes).
    var bticinoID: String? {
        switch self {
        case .string(let text): return text.isEmpty ? nil : text
        case .number: return lenientString
        default: return nil
        }
    }

    /// A boolean, or `0`/`1`, or `"true"`/`"false"`.
    var bticinoBool: Bool? {
        switch self {
        case .bool(let flag): return flag
        case .number(let number): return number.intValue.map { $0 != 0 }
        case .string(let text): return text == "true" ? true : (text == "false" ? false : nil)
        default: return nil
        }
    }

    /// The members of an array, or `[]`.
    var bticinoArray: [JSONValue] { arrayValue ?? [] }
}
