import HTTPTypes

/// Lets an authenticator send requests while it restores a rejected credential — a session
/// refresh, for example — through the inner part of its client's pipeline.
///
/// A request sent here goes through error mapping, the client's cookie jar and its transport, with
/// the client's base URL, default headers, redactor and error decoder, but not through the
/// concurrency limit (the rejected call already holds a slot, so waiting for another could wait
/// forever), retry, or authentication (a refresh must not trigger a refresh). Its errors are
/// finalized like any other: typed, redacted, scrubbed of the secrets it sent.
public struct RecoveryChannel: Sendable {
    let configuration: APIClient.Configuration
    let next: NextHandler
    let parent: APICallContext

    /// Sends `endpoint` and returns its decoded result.
    ///
    /// - Parameters:
    ///   - endpoint: The request to send, unsigned (the credential is what is being restored).
    ///   - timeout: The attempt's time limit; `nil` uses the rejected call's.
    /// - Throws: ``APIError``.
    public func send<Response>(_ endpoint: Endpoint<Response>, timeout: Duration? = nil) async throws -> Response {
        var unauthenticated = endpoint
        unauthenticated.requiresAuthentication = false
        var call = try configuration.prepare(
            unauthenticated, options: RequestOptions(timeout: timeout ?? parent.timeout, logger: parent.logger)
        )
        call.context.attempt = 1
        parent.logger.debug("sending a recovery request", metadata: ["operation": "\(call.context.operation)"])
        return try await configuration.perform(unauthenticated, call, through: next)
    }
}
