import AuthCore
import Foundation
import Logging

extension FlowerhubClient {
    /// Logs in with `POST /auth/login`; the portal's cookies go to this client's jar and the
    /// asset owner id is taken from `user.assetOwnerId` (a numeric string is accepted).
    ///
    /// A 401 never triggers a refresh: it calls the auth-failed handler and throws an
    /// ``APIError`` of kind `authenticationFailed` ("login failed (401)…"), whatever the options
    /// say. 5xx and 429 are retried twice by default.
    ///
    /// A successful login replaces the session, so the owner id follows it: it becomes the one
    /// the body names, or `nil` when the user acts for no owner (`assetOwnerId` null or absent).
    /// A 2xx body that is not a login (not JSON, an HTML page, another shape, no `user` object,
    /// an owner id that is not a positive integer) clears the owner id and is reported as
    /// ``FlowerhubError/invalidResponse(message:status:url:payload:)``: thrown, or returned in
    /// the result with `throwsOnError: false`.
    ///
    /// The password, and the spellings an echo of it may take (HTML- or JSON-escaped), are removed
    /// from every error and from the returned ``FlowerhubResult/text`` and ``FlowerhubResult/json``.
    ///
    /// - Parameters:
    ///   - username: The portal e-mail address.
    ///   - password: The password; it is sent only in the request body and never logged.
    ///   - options: Error handling, retries and timeout.
    /// - Returns: The status, body and typed ``LoginResponse``.
    @discardableResult
    public func login(
        username: String, password: Secret, options: FlowerhubCallOptions = .throwing
    ) async throws -> FlowerhubResult<LoginResponse> {
        guard !username.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FlowerhubError.invalidArgument("username must not be empty")
        }
        let exchange = try await perform(
            try FlowerhubEndpoints.login(username: username, password: password),
            options: options, defaultRetries: 2, isIdempotent: true,
            authFailureMessage: "login failed (401): invalid credentials"
        )
        if exchange.httpError == nil {
            shared.assetOwnerId = (try? AuthParsers.login(exchange.json))?.user?.assetOwnerId
        }
        logger.debug(
            "login finished",
            metadata: ["status": "\(exchange.status)", "cookies": "\(cookieJar.cookieNames.joined(separator: ","))"]
        )
        return try finish(exchange, options: options) { json throws(PayloadIssue) in try AuthParsers.login(json) }
    }
}
