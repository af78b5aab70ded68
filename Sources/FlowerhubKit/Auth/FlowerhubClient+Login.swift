import AuthCore
import Foundation
import Logging

extension FlowerhubClient {
    /// Logs in with `POST /auth/login`; the portal's cookies go to this client's jar and the
    /// asset owner id is taken from `user.assetOwnerId` (a numeric string is accepted).
    ///
    /// A 401 never triggers a refresh: it calls the auth-failed handler and throws an
    /// `APIError` of kind `authenticationFailed` ("login failed (401)…"), in both call forms.
    /// 5xx and 429 are retried twice by default.
    ///
    /// A successful login replaces the session, so the owner id follows it: it becomes the one
    /// the body names, or `nil` when the user acts for no owner (`assetOwnerId` null or absent).
    /// A 2xx answer that is not a login clears the owner id and throws: an `APIError` of kind
    /// `invalidResponse` for a body that is not JSON (an HTML page, an empty body), a
    /// ``FlowerhubError`` of code ``FlowerhubError/Code/invalidResponse`` for JSON of another
    /// shape (no `user` object, an owner id that is not a positive integer).
    ///
    /// The password is sent only in the request body, never logged, and removed (in every
    /// spelling an echo of it may take) from every error.
    ///
    /// - Parameters:
    ///   - username: The portal e-mail address.
    ///   - password: The password.
    ///   - options: Retries and time limit.
    /// - Returns: The typed login answer.
    @discardableResult
    public func login(
        username: String, password: Secret, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubLoginResponse {
        try await value(of: loginExchange(username: username, password: password, options: options))
    }

    /// Logs in like ``login(username:password:options:)``, returning HTTP and payload errors in
    /// the result instead of throwing them (a 401 is still thrown). The password is also removed
    /// from the result's ``FlowerhubResult/text`` and ``FlowerhubResult/json``.
    public func loginResult(
        username: String, password: Secret, options: FlowerhubCallOptions = FlowerhubCallOptions()
    ) async throws -> FlowerhubResult<FlowerhubLoginResponse> {
        try await result(of: loginExchange(username: username, password: password, options: options))
    }

    private func loginExchange(username: String, password: Secret, options: FlowerhubCallOptions) async throws
        -> FlowerhubOutcome<FlowerhubLoginResponse>
    {
        guard !username.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FlowerhubError.invalidArgument("username must not be empty")
        }
        let outcome = try await exchange(
            try FlowerhubEndpoints.login(username: username, password: password), options: options,
            defaultRetries: 2, authFailureMessage: "login failed (401): invalid credentials"
        )
        switch outcome {
        case .success(let reply):
            owner.assetOwnerId = reply.value.user?.assetOwnerId
        case .failure(let failure) where (200..<300).contains(failure.status):
            owner.assetOwnerId = nil
        case .failure:
            break
        }
        logger?.debug("login finished", metadata: ["cookies": "\(cookieJar.cookieNames.joined(separator: ","))"])
        return outcome
    }
}
