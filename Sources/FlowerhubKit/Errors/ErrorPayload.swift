import AuthCore
import Foundation

/// What a ``FlowerhubError/Code/invalidResponse`` error keeps of the body.
///
/// An error travels far (logs, crash reports, `dump`, a host app's error screen), so it keeps
/// the parsed body only when it is small, at most ``FlowerhubError/maximumPayloadSize`` bytes as
/// JSON, and never with secrets in it: members with secret names (`password`, `token`, `cookie`…)
/// are replaced, and so are the secret values the request carried. A larger body, or one that
/// cannot be cleaned, leaves the payload `nil`; the message still says what was wrong.
enum ErrorPayload {
    /// The payload for `json`, or `nil`.
    static func make(_ json: JSONValue?, redactor: Redactor, secrets: [String]) -> JSONValue? {
        guard let json else { return nil }
        let redacted = redactor.redact(json: json)
        guard let data = try? redacted.jsonData(), data.count <= FlowerhubError.maximumPayloadSize else { return nil }
        let cleaned = removing(secrets, from: data)
        if cleaned == data { return redacted }
        return try? JSONValue(jsonData: cleaned)
    }

    /// `data` with every spelling of `secrets` replaced, using AuthCore's scrubbing rules (as sent,
    /// percent-, form- and JSON-escaped; values under four characters are left alone).
    static func removing(_ secrets: [String], from data: Data) -> Data {
        guard !secrets.isEmpty, !data.isEmpty else { return data }
        let carrier = APIError(kind: .invalidResponse, message: "", responseBody: data)
        return carrier.scrubbing(secrets).responseBody ?? Data()
    }
}

extension FlowerhubClient {
    /// The values of the cookies the jar sends to the portal, the refresh path included: an
    /// invalid-response payload must not quote them.
    nonisolated func sessionCookieValues() -> [String] {
        let now = configuration.timeSource.now
        let base = configuration.baseURL
        let urls = [base, base.appendingPathComponent(String(FlowerhubPaths.refreshToken.dropFirst()))]
        var values: [String] = []
        for url in urls {
            guard let header = cookieJar.cookieHeader(for: url, now: now) else { continue }
            for pair in header.split(separator: ";") {
                guard let value = pair.split(separator: "=", maxSplits: 1).dropFirst().first else { continue }
                values.append(value.trimmingCharacters(in: .whitespaces))
            }
        }
        return values
    }
}
