import Foundation
import HTTPTypes

extension APIError {
    /// This error with every occurrence of `secrets` removed from its printable fields, its
    /// response headers and its raw response body.
    ///
    /// Key-based redaction cannot catch a server that echoes a submitted password or code inside
    /// a free-text message; the pipeline calls this with the values each request sent, and code
    /// that knows of other secrets calls it before throwing. Each secret is also removed in its
    /// percent-encoded and JSON-escaped spellings, the forms an echo usually takes. Values shorter
    /// than four characters are left alone.
    public func scrubbing(_ secrets: [String]) -> APIError {
        let variants = SecretVariants(secrets)
        guard !variants.isEmpty else { return self }
        var copy = self
        copy.message = variants.clean(message)
        copy.vendorMessage = vendorMessage.map(variants.clean)
        copy.vendorCode = vendorCode.map(variants.clean)
        copy.url = url.map(variants.clean)
        copy.bodyExcerpt = bodyExcerpt.map(variants.clean)
        copy.responseBody = responseBody.map(variants.clean)
        var headers = HTTPFields()
        for field in responseHeaders {
            headers.append(HTTPField(name: field.name, value: variants.clean(field.value)))
        }
        copy.responseHeaders = headers
        if let inner = underlying as? APIError { copy.underlying = inner.scrubbing(secrets) }
        return copy
    }
}

/// The spellings of a set of secret values as they may come back: as sent, percent-encoded,
/// form-encoded, JSON-escaped (with or without `\/`, ASCII-only or not) and HTML-escaped.
struct SecretVariants {
    private let texts: [String]

    init(_ secrets: [String]) {
        var all = Set<String>()
        for secret in secrets where secret.count >= SentSecrets.minimumLength {
            all.formUnion(SecretSpellings.of(secret))
            all.insert(FormEncoding.escape(secret))
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) {
                all.insert(encoded)
            }
            if let json = try? JSONEncoder().encode(secret), let text = String(data: json, encoding: .utf8) {
                let escaped = String(text.dropFirst().dropLast())
                all.insert(escaped)
                // Writers differ on escaping `/`; an echo may come either way.
                all.insert(escaped.replacingOccurrences(of: "\\/", with: "/"))
            }
        }
        // Longest first, so a value is removed whole before a shorter one that it contains.
        texts = all.filter { $0.count >= SentSecrets.minimumLength }.sorted { $0.count > $1.count }
    }

    var isEmpty: Bool { texts.isEmpty }

    func clean(_ text: String) -> String {
        var result = text
        for secret in texts where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Redactor.placeholder)
        }
        return result
    }

    func clean(_ data: Data) -> Data {
        var result = data
        let placeholder = Data(Redactor.placeholder.utf8)
        for secret in texts {
            let needle = Data(secret.utf8)
            var searchStart = result.startIndex
            var rebuilt = Data()
            var changed = false
            while let found = result.range(of: needle, in: searchStart..<result.endIndex) {
                rebuilt.append(result[searchStart..<found.lowerBound])
                rebuilt.append(placeholder)
                searchStart = found.upperBound
                changed = true
            }
            if changed {
                rebuilt.append(result[searchStart..<result.endIndex])
                result = rebuilt
            }
        }
        return result
    }
}
