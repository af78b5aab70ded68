import Foundation

/// Percent-encoding for URL parts, shared by ``APIClient`` and kits that build URLs themselves.
///
/// Query names and values keep RFC 3986 unreserved characters and the sub-delimiters OData and
/// similar APIs rely on (`!$'()*,;:@/?`) readable; a space becomes `%20`, and `&`, `=`, `+`, `#`
/// and `%` are escaped so a value can never end its parameter. Path segments additionally escape
/// `/` and `?`.
public enum URLEncoding {
    private static let unreserved = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"

    private static let queryAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: unreserved)
        set.insert(charactersIn: "!$'()*,;:@/?")
        return set
    }()

    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: unreserved)
        set.insert(charactersIn: "!$'()*,;:@")
        return set
    }()

    private static let pathAllowed: CharacterSet = {
        var set = segmentAllowed
        set.insert(charactersIn: "/%")
        return set
    }()

    /// Encodes one query name or value.
    public static func queryComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? text
    }

    /// Encodes query items in order as `name=value` pairs joined by `&`.
    public static func query(_ items: [URLQueryItem]) -> String {
        items.map { item in
            let name = queryComponent(item.name)
            guard let value = item.value else { return name }
            return "\(name)=\(queryComponent(value))"
        }.joined(separator: "&")
    }

    /// Encodes text for use inside one path segment (`/` and `?` are escaped too).
    public static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? text
    }

    /// Escapes what is never valid in a path (spaces, quotes, non-ASCII), keeping `/` and
    /// existing `%XX` escapes.
    public static func path(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? text
    }
}
