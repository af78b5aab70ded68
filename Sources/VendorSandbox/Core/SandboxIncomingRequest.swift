import Foundation
import HTTPTypes

/// A request as the vendor routes see it: the body collected, the path without the vendor's
/// prefix and percent-decoded, the query split into decoded pairs.
struct SandboxIncomingRequest: Sendable {
    /// The method, upper case.
    let method: String
    /// The path exactly as received, vendor prefix included, still percent-encoded.
    let rawPath: String
    /// The query exactly as received, without `?`; `nil` when there was none.
    let rawQuery: String?
    /// The path below the vendor's prefix, percent-decoded (set by the route table).
    var path: String
    /// The header fields.
    let headers: HTTPFields
    /// The body.
    let body: Data
    /// When the request arrived, on the sandbox's clock.
    let receivedAt: Date
    /// `http://host:port`, for absolute links.
    let origin: String

    /// The query's pairs, percent-decoded (`+` stays a plus sign), in order.
    var queryItems: [(name: String, value: String)] {
        SandboxIncomingRequest.pairs(rawQuery ?? "", plusIsSpace: false)
    }

    /// The first value of the query parameter `name`.
    func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The value of the header field `name`.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// The cookies of the `Cookie` header fields.
    var cookies: [String: String] {
        var cookies: [String: String] = [:]
        for field in headers where field.name == .cookie {
            for pair in field.value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                cookies[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return cookies
    }

    /// The body read as an `application/x-www-form-urlencoded` form.
    var formFields: [(name: String, value: String)] {
        SandboxIncomingRequest.pairs(String(decoding: body, as: UTF8.self), plusIsSpace: true)
    }

    /// The bearer token of the `Authorization` field, if it has one.
    var bearerToken: String? {
        guard let value = headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// `a=1&b=2` as decoded pairs; a name without `=` has an empty value.
    static func pairs(_ text: String, plusIsSpace: Bool) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0], plusIsSpace: plusIsSpace)
            let value = parts.count == 2 ? decode(parts[1], plusIsSpace: plusIsSpace) : ""
            return (name, value)
        }
    }

    /// Percent-decodes `text`; malformed escapes stay as written.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
        let spaced = plusIsSpace ? text.replacingOccurrences(of: "+", with: " ") : String(text)
        return spaced.removingPercentEncoding ?? spaced
    }
}
