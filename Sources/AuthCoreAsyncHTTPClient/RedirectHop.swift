import AsyncHTTPClient
import AuthCore
import Foundation
import NIOHTTP1

/// One request of a redirect chain, in AsyncHTTPClient's terms, and the rule for the next one.
struct RedirectHop: Sendable {
    var method: HTTPMethod
    var url: URL
    var headers: HTTPHeaders
    var body: Data?

    /// The request for AsyncHTTPClient.
    var clientRequest: HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers = headers
        if let body { request.body = .bytes(body) }
        return request
    }

    /// The request a redirect leads to, or `nil` when the response is the final one.
    ///
    /// The rules are FoundationNetworking's: 301, 302, 303 and 305 to 308 with a usable
    /// `Location` are followed (300 and 304 are not); 301 and 302 after a POST, and 303 after any
    /// method, continue as a GET without a body; the others keep the method and the body (where
    /// FoundationNetworking loses the body, a bug this transport does not copy). Credentials are
    /// dropped once a hop leaves `origin`'s origin and are never put back.
    func following(status: Int, location: String?, origin: URL) -> RedirectHop? {
        switch status {
        case 301, 302, 303, 305...308: break
        default: return nil
        }
        guard let location, let target = URL(string: location, relativeTo: url)?.absoluteURL,
            let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https",
            target.host?.isEmpty == false
        else { return nil }
        var next = self
        next.url = target
        if status == 303 || ((status == 301 || status == 302) && method == .POST) {
            next.method = .GET
            next.body = nil
        }
        if !URLOrigin.same(origin, target) {
            for name in ["Authorization", "Cookie", "Proxy-Authorization"] { next.headers.remove(name: name) }
        }
        return next
    }
}
