import Foundation

/// What `vendorctl flowerhub` keeps between runs, in `flowerhub-session.json` (mode 0600).
///
/// The portal's session is two cookies (`Authentication`, `Refresh`). `FlowerhubKit` keeps
/// cookies in a jar that never reveals their values, so the tool records the `Set-Cookie` lines
/// the portal sent (see ``CookieRecorder``) and replays them into a new client's jar, each with
/// the time it arrived so `Max-Age` keeps counting from then. No password is ever stored.
struct FlowerhubSessionFile: Codable, Sendable, Equatable {
    /// One `Set-Cookie` line as received.
    struct CookieLine: Codable, Sendable, Equatable {
        /// The URL of the response that set it (the cookie's default domain and path come from it).
        var url: String
        /// When it arrived, in seconds since 1970.
        var receivedAt: Double
        /// The `Set-Cookie` field value.
        var setCookie: String
    }

    static let fileName = "flowerhub-session.json"
    static let currentFormat = 1
    /// The most cookie lines kept: the portal sets two.
    static let maximumCookies = 32

    var format: Int
    var baseURL: String
    var username: String?
    var assetOwnerId: Int?
    var assetId: Int?
    var savedAt: Double
    var cookies: [CookieLine]

    /// A base URL as saved and compared: without trailing slashes.
    static func normalized(_ url: URL) -> String {
        normalized(url.absoluteString)
    }

    static func normalized(_ text: String) -> String {
        var trimmed = text
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }

    /// The lines with the newest of each cookie name (and path), in arrival order, at most
    /// ``maximumCookies``.
    static func merged(_ old: [CookieLine], _ new: [CookieLine]) -> [CookieLine] {
        var latest: [String: Int] = [:]
        let all = old + new
        for (index, line) in all.enumerated() { latest[line.key] = index }
        let kept = all.enumerated().filter { latest[$0.element.key] == $0.offset }.map(\.element)
        return Array(kept.suffix(maximumCookies))
    }

    /// Checks what a hand-edited or damaged file could get wrong.
    func validated(path: String) throws -> FlowerhubSessionFile {
        func damaged(_ reason: String) -> CommandFailure {
            .authentication(
                "the Flowerhub session file \(path) is damaged (\(reason)); run 'vendorctl flowerhub login'")
        }
        guard format == Self.currentFormat else { throw damaged("unknown format \(format)") }
        guard let url = URL(string: baseURL), url.scheme != nil, url.host != nil else {
            throw damaged("baseURL is not a URL")
        }
        guard cookies.count <= Self.maximumCookies else { throw damaged("too many cookies") }
        for line in cookies {
            guard URL(string: line.url)?.host != nil, line.receivedAt.isFinite, !line.setCookie.isEmpty else {
                throw damaged("a cookie entry is malformed")
            }
        }
        return self
    }
}

extension FlowerhubSessionFile.CookieLine {
    /// The cookie's name and `Path` attribute: a later line with the same key replaces it.
    var key: String {
        let path = setCookie.split(separator: ";").dropFirst().first { attribute in
            attribute.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("path=")
        }
        return name + "|" + (path.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "")
    }
}

extension FlowerhubSessionFile: CustomReflectable {
    /// Everything but the cookie lines, which are shown by name only: they are the session.
    var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL, "username": username as Any, "assetOwnerId": assetOwnerId as Any,
                "assetId": assetId as Any, "cookies": cookies.map(\.name),
            ],
            displayStyle: .struct
        )
    }
}

extension FlowerhubSessionFile.CookieLine: CustomReflectable, CustomStringConvertible {
    /// The cookie's name.
    var name: String {
        setCookie.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// The name and where it came from, never the value.
    var description: String { "CookieLine(\(name), from: \(url))" }

    var customMirror: Mirror {
        Mirror(self, children: ["name": name, "url": url, "receivedAt": receivedAt], displayStyle: .struct)
    }
}
