import Foundation
import HTTPTypes

/// The parts of a request a secret is looked for in.
public struct SandboxRequestParts: OptionSet, Sendable, Hashable {
    /// The option bits.
    public let rawValue: Int

    /// Creates parts from their bits.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The path.
    public static let path = SandboxRequestParts(rawValue: 1 << 0)
    /// The query string.
    public static let query = SandboxRequestParts(rawValue: 1 << 1)
    /// The header fields (a `Basic` credential is decoded first).
    public static let headers = SandboxRequestParts(rawValue: 1 << 2)
    /// The body.
    public static let body = SandboxRequestParts(rawValue: 1 << 3)
    /// The URL: path and query.
    public static let url: SandboxRequestParts = [.path, .query]
    /// Everything.
    public static let all: SandboxRequestParts = [.path, .query, .headers, .body]
}

/// Where a secret was found in a recorded request. Never holds the secret itself.
public struct SandboxSecretSighting: Sendable, Equatable, CustomStringConvertible {
    /// The request's sequence number.
    public let sequence: Int
    /// The request's method and route.
    public let route: SandboxRoute
    /// The request's path.
    public let path: String
    /// Where in it: `path`, `query`, `body`, or `header <name>`.
    public let part: String

    /// `#4 GET flowerhub/asset /flowerhub/asset/880045: query`.
    public var description: String { "#\(sequence) \(route) \(path): \(part)" }
}

/// A secret sent where it must not be, with every place it was seen (never the secret itself).
public struct SandboxSecretLeak: Error, Sendable, CustomStringConvertible {
    /// What the assertion was about (`"password"`…), as the caller named it.
    public let label: String
    /// Where the secret was seen.
    public let sightings: [SandboxSecretSighting]

    /// `the password was sent in 1 request: #4 …`.
    public var description: String {
        "the \(label) was sent in \(sightings.count) request(s) where it must not be: "
            + sightings.map(\.description).joined(separator: "; ")
    }
}

extension VendorSandbox {
    /// Every place `secret` appears in the requests to `route`, within `parts`.
    ///
    /// The secret is looked for as written, percent-encoded, form-encoded, JSON-escaped and in
    /// Base64, and inside decoded `Basic` credentials, so an encoded copy is found too.
    public func sightings(
        of secret: String, in parts: SandboxRequestParts = .all, on route: SandboxRoute = .any
    ) -> [SandboxSecretSighting] {
        let needles = SandboxSecretSpellings.of(secret)
        guard !needles.isEmpty else { return [] }
        var found: [SandboxSecretSighting] = []
        for request in requests(for: route) {
            func note(_ part: String) {
                found.append(
                    SandboxSecretSighting(
                        sequence: request.sequence, route: request.route, path: request.path, part: part))
            }
            if parts.contains(.path), SandboxSecretSpellings.contains(Data(request.path.utf8), needles) { note("path") }
            if parts.contains(.query), let query = request.query,
                SandboxSecretSpellings.contains(Data(query.utf8), needles)
            {
                note("query")
            }
            if parts.contains(.headers) {
                for field in request.headers {
                    var haystack = Data(field.value.utf8)
                    if let decoded = SandboxSecretSpellings.decodedBasic(field.value) { haystack.append(decoded) }
                    if SandboxSecretSpellings.contains(haystack, needles) { note("header \(field.name.rawName)") }
                }
            }
            if parts.contains(.body), SandboxSecretSpellings.contains(request.body, needles) { note("body") }
        }
        return found
    }

    /// Throws a ``SandboxSecretLeak`` when `secret` appears in a request to `route` within `parts`.
    ///
    /// ```swift
    /// try sandbox.assertNoSecret(password, in: [.url, .headers], label: "password")
    /// try sandbox.assertNoSecret(accessToken, on: .entra(.token), label: "access token")
    /// ```
    ///
    /// - Parameters:
    ///   - secret: The value that must not appear, as the client had it before any encoding.
    ///   - parts: Where to look: any of the path, the query, the header fields and the body.
    ///   - route: Which requests to look in; ``SandboxRoute/any`` for all of them.
    ///   - label: How the error names the secret (it never shows the secret itself).
    public func assertNoSecret(
        _ secret: String, in parts: SandboxRequestParts = .all, on route: SandboxRoute = .any,
        label: String = "secret"
    ) throws {
        let found = sightings(of: secret, in: parts, on: route)
        if !found.isEmpty { throw SandboxSecretLeak(label: label, sightings: found) }
    }
}

/// The spellings a secret takes on the wire.
enum SandboxSecretSpellings {
    /// The secret as written, percent-encoded (strictly and form style), JSON-escaped and in Base64.
    static func of(_ secret: String) -> [Data] {
        guard !secret.isEmpty else { return [] }
        let strict = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        var spellings: Set<String> = [secret]
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: strict) {
            spellings.insert(encoded)
            spellings.insert(encoded.replacingOccurrences(of: "%20", with: "+"))
            spellings.insert(encoded.lowercased())
        }
        var json = SandboxJSON.string(secret).text
        json.removeFirst()
        json.removeLast()
        spellings.insert(json)
        spellings.insert(json.replacingOccurrences(of: "/", with: "\\/"))
        spellings.insert(Data(secret.utf8).base64EncodedString())
        return spellings.map { Data($0.utf8) }
    }

    /// Whether any spelling occurs in `haystack`.
    static func contains(_ haystack: Data, _ needles: [Data]) -> Bool {
        needles.contains { !$0.isEmpty && haystack.range(of: $0) != nil }
    }

    /// The decoded `user:password` of a `Basic` credential.
    static func decodedBasic(_ value: String) -> Data? {
        guard value.lowercased().hasPrefix("basic ") else { return nil }
        return Data(base64Encoded: String(value.dropFirst(6)).trimmingCharacters(in: .whitespaces))
    }
}
