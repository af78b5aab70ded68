import Foundation

/// Request paths and the `Path` attribute (RFC 6265 sections 5.1.4 and 5.2.4).
///
/// Paths are compared after removing dot segments, percent-encoded ones (`%2e%2e`) included:
/// a server that decodes and resolves them serves `/auth/%2e%2e/asset` from `/asset`, so a
/// cookie scoped to `/auth` must not go there. Other percent-encodings are compared as sent.
enum CookiePath {
    /// The path of `url` as sent on the wire (percent-encoded), with dot segments resolved.
    static func requestPath(of url: URL) -> String {
        let raw = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        return raw.hasPrefix("/") ? removingDotSegments(raw) : "/"
    }

    /// The path a cookie without a usable `Path` attribute gets: the request path up to, not
    /// including, its last `/`, or `/` when that leaves nothing.
    static func defaultPath(forRequestPath path: String) -> String {
        guard path.hasPrefix("/"), let lastSlash = path.lastIndex(of: "/"), lastSlash != path.startIndex else {
            return "/"
        }
        return String(path[..<lastSlash])
    }

    /// Whether a cookie scoped to `cookiePath` goes with a request for `requestPath`.
    static func matches(requestPath: String, cookiePath: String) -> Bool {
        let request = requestPath.utf8
        let cookie = cookiePath.utf8
        guard request.starts(with: cookie) else { return false }
        if request.count == cookie.count || cookie.last == UInt8(ascii: "/") { return true }
        return request[request.index(request.startIndex, offsetBy: cookie.count)] == UInt8(ascii: "/")
    }

    /// Resolves `.` and `..` segments (RFC 3986 5.2.4), reading `%2e` as a dot.
    static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            switch dots(in: segment) {
            case 1:
                if isLast { output.append("") }
            case 2:
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    /// 1 for a `.` segment, 2 for `..`, 0 otherwise; `%2e` counts as a dot.
    private static func dots(in segment: Substring) -> Int {
        guard segment.utf8.count <= 6 else { return 0 }
        let decoded = segment.lowercased().replacingOccurrences(of: "%2e", with: ".")
        return decoded == "." ? 1 : decoded == ".." ? 2 : 0
    }
}
