import Foundation
import HTTPTypes

/// The secret values a request carried, so they can be removed from whatever comes back.
///
/// Redaction by name cannot catch a server that echoes a submitted password inside a free-text
/// message, an HTML page that prints the request's `Cookie` header, or a vendor error that quotes
/// the access token. The pipeline collects the values a request sent — credentials in
/// `Authorization` and other secret headers, every cookie value, secret query parameters, secret
/// members of JSON and form bodies, and values the endpoint names itself — and scrubs them from
/// every error built from the response.
enum SentSecrets {
    /// Values shorter than this are not scrubbed: removing every `"1"` or `"on"` from a message
    /// would destroy it without protecting anything.
    static let minimumLength = 4

    /// The secret values of a request as sent (after authentication and cookies were applied).
    static func values(
        request: HTTPRequest,
        body: APIRequestBody?,
        explicit: [Secret],
        redactor: Redactor
    ) -> [String] {
        var values = explicit.map(\.revealed)
        for field in request.headerFields where redactor.isSensitiveHeader(field.name) {
            values += headerSecrets(field)
        }
        if let query = request.url.flatMap({ URLComponents(url: $0, resolvingAgainstBaseURL: false) })?.queryItems {
            values += query.filter { redactor.isSensitiveKey($0.name) }.compactMap(\.value)
        }
        if let data = body?.replayableData {
            values += bodySecrets(
                data, contentType: body?.contentType ?? request.headerFields[.contentType], redactor: redactor)
        }
        var seen = Set<String>()
        return values.filter { $0.count >= minimumLength && seen.insert($0).inserted }
    }

    private static func headerSecrets(_ field: HTTPField) -> [String] {
        let value = field.value
        switch field.name {
        case .cookie:
            return value.split(separator: ";").compactMap { pair in
                pair.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init)
            }
        case .authorization, .proxyAuthorization:
            var found = [value]
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return found }
            let credential = String(parts[1]).trimmingCharacters(in: .whitespaces)
            found.append(credential)
            if parts[0].lowercased() == "basic", let decoded = Data(base64Encoded: credential),
                let pair = String(data: decoded, encoding: .utf8)
            {
                found.append(pair)
                if let colon = pair.firstIndex(of: ":") { found.append(String(pair[pair.index(after: colon)...])) }
            }
            return found
        default:
            return [value]
        }
    }

    private static func bodySecrets(_ data: Data, contentType: String?, redactor: Redactor) -> [String] {
        let type = contentType?.lowercased() ?? ""
        if type.contains("x-www-form-urlencoded") {
            let pairs = FormEncoding.decode(String(decoding: data, as: UTF8.self))
            return pairs.filter { redactor.isSensitiveKey($0.0) }.map(\.1)
        }
        guard data.count <= Redactor.maximumParsedBodySize, let json = try? JSONValue(jsonData: data) else { return [] }
        var found: [String] = []
        collect(json, sensitive: false, redactor: redactor, into: &found)
        return found
    }

    private static func collect(_ json: JSONValue, sensitive: Bool, redactor: Redactor, into found: inout [String]) {
        switch json {
        case .object(let members):
            for (key, value) in members {
                collect(value, sensitive: sensitive || redactor.isSensitiveKey(key), redactor: redactor, into: &found)
            }
        case .array(let elements):
            for element in elements { collect(element, sensitive: sensitive, redactor: redactor, into: &found) }
        case .string(let text) where sensitive:
            found.append(text)
        default:
            break
        }
    }
}
