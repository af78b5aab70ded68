import AuthCore
import Foundation
import HTTPTypes

/// Removes credential values from text OdynKit builds itself out of response bodies.
///
/// Each value is removed as sent and percent-encoded; an `Authorization` value also by its
/// credential part, and a basic credential by its decoded `user:password` and password. Values
/// shorter than four characters are left alone (removing every `"on"` would destroy the text
/// without protecting anything), the same rule as the pipeline's.
struct CredentialScrubber: Sendable {
    static let minimumLength = 4

    private let headerValues: [String]
    private let texts: [String]

    /// A scrubber for credential header values (for example `Bearer <token>` or `Basic <base64>`).
    init(headerValues: [String]) {
        self.headerValues = headerValues
        var all = Set<String>()
        for value in headerValues {
            for secret in CredentialScrubber.parts(of: value) where secret.count >= CredentialScrubber.minimumLength {
                all.insert(secret)
                if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) {
                    all.insert(encoded)
                }
                all.insert(URLEncoding.queryComponent(secret))
                // JSON writers differ on escaping `/`; an excerpt re-serialised from JSON may have it.
                all.insert(secret.replacingOccurrences(of: "/", with: "\\/"))
            }
        }
        // Longest first, so a value is removed whole before a shorter one that it contains.
        texts = all.filter { $0.count >= CredentialScrubber.minimumLength }.sorted { $0.count > $1.count }
    }

    /// This scrubber with more header values to remove.
    func adding(headerValues more: [String]) -> CredentialScrubber {
        more.isEmpty ? self : CredentialScrubber(headerValues: headerValues + more)
    }

    /// Whether there is nothing to remove.
    var isEmpty: Bool { texts.isEmpty }

    /// `text` without any credential value.
    func clean(_ text: String) -> String {
        var result = text
        for secret in texts where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Redactor.placeholder)
        }
        return result
    }

    /// `json` with credential values removed from every string (member names included).
    func clean(_ json: JSONValue) -> JSONValue {
        guard !isEmpty else { return json }
        switch json {
        case .string(let text):
            return .string(clean(text))
        case .array(let elements):
            return .array(elements.map(clean))
        case .object(let members):
            var copy: [String: JSONValue] = [:]
            for (key, value) in members { copy[clean(key)] = clean(value) }
            return .object(copy)
        default:
            return json
        }
    }

    /// The header value, its credential part, and for basic credentials the decoded pair and password.
    private static func parts(of value: String) -> [String] {
        var found = [value]
        let pieces = value.split(separator: " ", maxSplits: 1)
        guard pieces.count == 2 else { return found }
        let credential = String(pieces[1]).trimmingCharacters(in: .whitespaces)
        found.append(credential)
        if pieces[0].lowercased() == "basic", let decoded = Data(base64Encoded: credential),
            let pair = String(data: decoded, encoding: .utf8)
        {
            found.append(pair)
            if let colon = pair.firstIndex(of: ":") { found.append(String(pair[pair.index(after: colon)...])) }
        }
        return found
    }
}
