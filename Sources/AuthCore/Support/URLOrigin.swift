import Foundation

/// The origin of a URL — scheme, host and port, with the default port filled in — for deciding
/// whether credentials, cookies or a pagination link may cross from one URL to another.
///
/// `https://api.example.com` and `https://API.example.com:443/x` have the same origin;
/// `http://api.example.com` and `https://api.example.com:8443` do not.
public struct URLOrigin: Hashable, Sendable, CustomStringConvertible {
    /// The scheme, lower-cased.
    public let scheme: String
    /// The host, lower-cased, without IPv6 brackets.
    public let host: String
    /// The port, the scheme's default one when the URL gave none.
    public let port: Int

    /// The origin of `url`, or `nil` when it has no scheme or host, or a scheme without a default
    /// port and no explicit one.
    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        let defaultPort: Int? =
            switch scheme {
            case "https", "wss": 443
            case "http", "ws": 80
            default: nil
            }
        guard let port = url.port ?? defaultPort else { return nil }
        self.scheme = scheme
        self.host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
    }

    /// Whether two URLs share an origin; `false` when either has none.
    public static func same(_ lhs: URL, _ rhs: URL) -> Bool {
        guard let left = URLOrigin(lhs), let right = URLOrigin(rhs) else { return false }
        return left == right
    }

    /// `scheme://host:port`.
    public var description: String { "\(scheme)://\(host):\(port)" }
}
