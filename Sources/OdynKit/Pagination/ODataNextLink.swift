import AuthCore
import Foundation

/// How `@odata.nextLink` is followed: resolved against the page that carried it, kept to that
/// page's origin (the request carries the client's credentials), and spelled one way per page so
/// the loop guard can compare links.
enum ODataNextLink {
    /// `link` resolved against `base`, without an explicit default port.
    ///
    /// - Throws: ``OdynError`` of code `invalidODataResponse` when the link is not a URL,
    ///   `untrustedNextLink` when it leads to another scheme, host or port than `base`.
    static func resolve(_ link: String, against base: URL) throws -> URL {
        guard let resolved = URL(string: link, relativeTo: base)?.absoluteURL, let host = resolved.host else {
            throw ODataPageReader.shape("'@odata.nextLink' is not a valid URL")
        }
        guard let origin = URLOrigin(resolved), origin == URLOrigin(base) else {
            throw OdynError(
                .untrustedNextLink,
                "the next link leads to another origin (\(URLOrigin(resolved)?.description ?? host))")
        }
        return withoutDefaultPort(resolved, origin: origin)
    }

    /// The text the loop guard compares.
    static func key(_ url: URL) -> String {
        guard let origin = URLOrigin(url) else { return url.absoluteString }
        return withoutDefaultPort(url, origin: origin).absoluteString
    }

    /// `url` without an explicit port when it is the scheme's default, so one page has one spelling.
    private static func withoutDefaultPort(_ url: URL, origin: URLOrigin) -> URL {
        guard url.port != nil, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return url
        }
        components.port = nil
        guard let bare = components.url, URLOrigin(bare) == origin else { return url }
        return bare
    }
}
