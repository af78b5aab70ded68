import AuthCore
import Foundation
import TestSupport
import VendorSandbox
import ViessmannKit

/// Viessmann clients against a sandbox, and the browser's part of signing in.
enum ViessmannSandbox {
    /// A client for the sandbox's API and IAM with tokens in memory (or the given source).
    static func client(
        _ sandbox: VendorSandbox, over transport: SandboxTransport = .urlSession, redirectURI: String,
        tokens: ViessmannTokenSource = .memory, timeout: Duration = .seconds(5),
        retryPolicy: APIRetryPolicy = ViessmannClient.Configuration.noRetries, time: FastTimeSource = FastTimeSource()
    ) throws -> ViessmannClient {
        try ViessmannClient(
            configuration: ViessmannClient.Configuration(
                clientID: sandbox.viessmann.settings.clientID, redirectURI: redirectURI, tokens: tokens,
                apiBaseURL: sandbox.viessmannAPIURL, iamBaseURL: sandbox.viessmannIAMURL, timeout: timeout,
                retryPolicy: retryPolicy, timeSource: time),
            transport: transport.transport)
    }

    /// Plays the browser: opens the authorization URL, follows the sandbox's redirect to a
    /// loopback listener, and hands the callback URL back to the client.
    static func signIn(_ client: ViessmannClient, callback: LoopbackHTTPServer) async throws {
        let pending = try client.beginSignIn()
        _ = try await RawHTTP.send(.get, pending.url)
        guard let target = callback.requests.last?.target,
            let url = URL(string: callback.baseURL.absoluteString + target)
        else { throw CallbackMissing() }
        try await client.completeSignIn(pending, callbackURL: url)
    }

    /// A listener standing in for the app's redirect URI.
    static func callbackServer() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { _ in LoopbackResponse(status: 200, body: Data("signed in".utf8)) }
    }

    struct CallbackMissing: Error {}
}
