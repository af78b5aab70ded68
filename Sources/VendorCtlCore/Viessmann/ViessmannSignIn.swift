import AuthCore
import Foundation
import HTTPTypes
import ViessmannKit

/// Signing in to Viessmann from the command line: the authorization URL, a loopback listener for
/// the redirect, and the code exchange. The code and state never appear in any output.
enum ViessmannSignIn {
    /// Runs one sign-in.
    ///
    /// - Parameters:
    ///   - receiver: The listener on the redirect URI's port and path.
    ///   - show: Called with the authorization URL to open in a browser.
    ///   - fetchAuthorizationURL: Opens the URL itself over `transport` (for an IAM that approves at
    ///     once, such as the sandbox's), instead of waiting for a person.
    static func run(
        client: ViessmannClient, receiver: LoopbackRedirectReceiver, timeout: Duration,
        transport: any HTTPTransport, fetchAuthorizationURL: Bool, show: (URL) -> Void
    ) async throws {
        let pending = try client.beginSignIn()
        show(pending.url)
        let items: [URLQueryItem]
        if fetchAuthorizationURL {
            async let captured = receiver.waitForRedirect(timeout: timeout)
            try await open(pending.url, over: transport)
            items = try await captured
        } else {
            items = try await receiver.waitForRedirect(timeout: timeout)
        }
        guard let callback = callbackURL(receiver.redirectURI, items) else {
            throw CommandFailure(.authentication, "the redirect could not be read")
        }
        try await client.completeSignIn(pending, callbackURL: callback)
    }

    /// `redirectURI` with the received (decoded) query items encoded again, every character outside
    /// RFC 3986's unreserved set percent-encoded: `queryItems =` would leave `+` as is, and a form
    /// decoder then reads it as a space, changing a code such as `a+b`.
    static func callbackURL(_ redirectURI: URL, _ items: [URLQueryItem]) -> URL? {
        var components = URLComponents(url: redirectURI, resolvingAgainstBaseURL: false)
        components?.percentEncodedQuery = items.map { item in
            encode(item.name) + (item.value.map { "=" + encode($0) } ?? "")
        }.joined(separator: "&")
        return components?.url
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `GET url`, following the IAM's redirect to the loopback listener.
    static func open(_ url: URL, over transport: any HTTPTransport) async throws {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = (components?.percentEncodedPath ?? "/") + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
        let authority = (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")
        let request = HTTPRequest(method: .get, scheme: url.scheme, authority: authority, path: path)
        _ = try await transport.send(request, body: nil, timeout: .seconds(30))
    }

    /// The port and path of a loopback redirect URI (`http://localhost:4200/` → 4200, `/`).
    static func listener(for redirectURI: String) throws -> (port: Int, path: String) {
        guard let url = URL(string: redirectURI), url.scheme?.lowercased() == "http",
            let host = url.host?.lowercased(), ["localhost", "127.0.0.1"].contains(host)
        else {
            throw CommandFailure.usage(
                "--redirect-uri must be http://localhost:<port>/… or http://127.0.0.1:<port>/… to be captured here")
        }
        return (url.port ?? 80, url.path.isEmpty ? "/" : url.path)
    }
}
