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
    /// - Parameters:
    ///   - username: The portal e-mail address.
    ///   - password: The password; it is sent only in the request body and never logged.
    ///   - options: Error handling, retries and timeout.
    /// - Returns: The status, body and typed ``LoginResponse``.
    @discardableResult
    public func login(username: String, password: Secret, options: FlowerhubCallOptions = .throwing) async throws -> FlowerhubResult<LoginResponse> {
        guard !username.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FlowerhubError.invalidArgument("username must not be empty")
        }
        let exchange = try await perform(
            try FlowerhubEndpoints.login(username: username, password: password),
            options: options, defaultRetries: 2, isIdempotent: true,
            authFailureMessage: "login failed (401): invalid credentials"
        )
        if exchange.httpError == nil, let ownerId = AuthParsers.authenticatedUser(exchange.json)?.assetOwnerId {
            shared.assetOwnerId = ownerId
        }
        logger.debug("login finished", metadata: ["status": "\(exchange.status)", "cookies": "\(cookieJar.cookieNames.joined(separator: ","))"])
        return FlowerhubResult(
            statusCode: exchange.status, json: exchange.json, text: exchange.text, url: exchange.url,
            value: AuthParsers.loginResponse(exchange.json), error: exchange.httpError
        )
    }

    /// The cookie session's refresh: `GET /auth/refresh-token` without the authenticator and the
    /// concurrency limit. A 401 (or reauthentication) is passed on, so the call needs a new login;
    /// any other failure is logged and swallowed, so the rejected request is still retried once
    /// (as the original does). The owner id is updated from either body shape.
    static func refreshSession(using client: APIClient, shared: SharedSessionState, logger: Logger?) async throws {
        do {
            let response = try await client.send(
                FlowerhubEndpoints.refresh(),
                options: RequestOptions(timeout: shared.effectiveTimeout(nil), retryPolicy: RetryPolicy.none)
            )
            let json = try? JSONValue(jsonData: response.body)
            if let ownerId = AuthParsers.authenticatedUser(json)?.assetOwnerId {
                shared.assetOwnerId = ownerId
            }
            logger?.debug("session refreshed", metadata: ["status": "\(response.status)"])
        } catch let error as APIError where error.status == 401 || error.requiresReauthentication || error.kind == .cancelled {
            throw error
        } catch {
            logger?.warning("session refresh failed; retrying the request once anyway", metadata: ["error": "\(error)"])
        }
    }
}
