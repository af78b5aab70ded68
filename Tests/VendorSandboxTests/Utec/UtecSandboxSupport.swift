import AuthCore
import Foundation
import Synchronization
import TestSupport
import UtecKit
import VendorSandbox

/// Clients of UtecKit against the sandbox, over a real transport.
enum UtecSandbox {
    static let redirect = "http://127.0.0.1:9/utec/callback"

    /// The OAuth client for the sandbox's registered application.
    static func oauth(
        _ sandbox: VendorSandbox, over transport: SandboxTransport = .urlSession, redirect: String = redirect,
        time: any TimeSource = SystemTimeSource()
    ) throws -> UtecOAuth {
        let settings = sandbox.utec.settings
        return try UtecOAuth(
            clientID: settings.clientId, clientSecret: Secret(settings.clientSecret), redirectURI: redirect,
            authorizeURL: sandbox.utecAuthorizeURL, tokenURL: sandbox.utecTokenURL, transport: transport.transport,
            timeSource: time)
    }

    /// Signs in without a browser: the sandbox hands out the code its authorize page would.
    static func signIn(_ oauth: UtecOAuth, _ sandbox: VendorSandbox) async throws -> OAuth2Token {
        let pending = oauth.beginAuthorization()
        let state =
            URLComponents(url: pending.url, resolvingAgainstBaseURL: false)?.queryItems?
            .first { $0.name == "state" }?.value ?? ""
        let code = sandbox.utec.issueAuthorizationCode(redirectURI: oauth.redirectURI)
        var callback = URLComponents(string: oauth.redirectURI)!
        callback.queryItems = [
            URLQueryItem(name: "authorization_code", value: code), URLQueryItem(name: "state", value: state),
        ]
        return try await pending.complete(callbackURL: callback.url!)
    }

    /// A signed-in client with its token manager.
    static func client(
        _ sandbox: VendorSandbox, over transport: SandboxTransport = .urlSession,
        time: UtecSandboxTime? = nil, timeout: Duration = .seconds(5),
        retryPolicy: APIRetryPolicy = .default
    ) async throws -> (UtecClient, TokenManager) {
        let time = time ?? UtecSandboxTime(sandbox.clock)
        let oauth = try oauth(sandbox, over: transport, time: time)
        let tokens = oauth.tokenManager(initialToken: try await signIn(oauth, sandbox))
        let configuration = UtecClient.Configuration(
            baseURL: sandbox.utecBaseURL, authorization: .tokens(tokens), timeout: timeout, retryPolicy: retryPolicy,
            timeSource: time, random: .seeded(7))
        return (try UtecClient(configuration: configuration, transport: transport.transport), tokens)
    }
}

/// The client's clock on the sandbox's: `now` is the sandbox's time, and a wait moves the
/// sandbox's clock forward (a command's deferred 20 s pass at once) after a short real pause.
final class UtecSandboxTime: TimeSource {
    private let clock: SandboxClock
    private let recorded = Mutex<[Duration]>([])

    init(_ clock: SandboxClock) {
        self.clock = clock
    }

    /// Every wait asked for.
    var sleeps: [Duration] { recorded.withLock { $0 } }

    var now: Date { clock.now }

    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
        try await Task.sleep(for: min(duration / 100, .milliseconds(20)))
        clock.advance(by: duration)
    }
}

/// A webhook endpoint on a real loopback socket that checks notifications with UtecKit's receiver.
final class UtecWebhookEndpoint: Sendable {
    /// The outcomes, shared with the server's handler.
    final class Log: Sendable {
        let list = Mutex<[UtecWebhookResponse]>([])
    }

    let server: LoopbackHTTPServer
    private let log = Log()

    init(secret: Secret) throws {
        let receiver = UtecWebhookReceiver(secret: secret)
        let log = self.log
        server = try LoopbackHTTPServer { request in
            let response = receiver.handle(
                method: request.method, authorization: request.headers["authorization"], body: request.body)
            log.list.withLock { $0.append(response) }
            return LoopbackResponse(
                status: response.status, headers: [("Content-Type", "application/json")], body: response.body)
        }
    }

    var url: URL { server.baseURL.appendingPathComponent("hooks/utec") }

    /// Every call's outcome, in order.
    var responses: [UtecWebhookResponse] { log.list.withLock { $0 } }
}
