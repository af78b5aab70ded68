import HTTPTypes

/// Signs requests and recovers once from a rejected credential.
struct AuthenticationMiddleware: APIMiddleware {
    let authenticator: any APIAuthenticator
    /// The client's configuration, for requests the authenticator sends while it recovers.
    let configuration: APIClient.Configuration

    func intercept(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        guard context.requiresAuthentication else { return try await next(request, body, context) }
        var signed = request
        let version = try await authenticator.authenticate(&signed)
        do {
            return try await next(signed, body, context)
        } catch let rejection as APIError where authenticator.isAuthenticationChallenge(rejection) {
            guard body?.iterationBehavior != .single,
                try await recover(
                    version, after: rejection,
                    channel: RecoveryChannel(configuration: configuration, next: next, parent: context)
                )
            else {
                throw rejection.recast(.authenticationFailed, "the server rejected the credentials")
            }
            var resigned = request
            _ = try await authenticator.authenticate(&resigned)
            do {
                return try await next(resigned, body, context)
            } catch let second as APIError where authenticator.isAuthenticationChallenge(second) {
                throw second.recast(
                    .reauthenticationRequired, "the request was rejected again after refreshing credentials")
            }
        }
    }
}

extension AuthenticationMiddleware {
    /// Runs the authenticator's recovery. A refresh that failed for a passing reason (the
    /// authentication server answered 5xx or 429, timed out or could not be reached) keeps its
    /// transient kind: only a refusal means the user must sign in again.
    private func recover(
        _ version: CredentialVersion,
        after rejection: APIError,
        channel: RecoveryChannel
    ) async throws -> Bool {
        do {
            return try await authenticator.recover(fromRejectionOf: version, error: rejection, channel: channel)
        } catch let failure as APIError where !failure.requiresReauthentication && failure.kind != .cancelled {
            channel.parent.logger.warning(
                "credential refresh failed; the call ends without a retry",
                metadata: [
                    "operation": "\(channel.parent.operation)", "error_kind": "\(failure.kind)",
                    "status": "\(failure.status.map(String.init) ?? "-")",
                ]
            )
            var transient = failure.recast(
                failure.kind, "refreshing the credentials failed (\(failure.kind)); try again later")
            transient.isCredentialRecoveryFailure = true
            throw transient
        } catch var failure as APIError {
            failure.isCredentialRecoveryFailure = true
            throw failure
        }
    }
}

extension APIError {
    /// The same error context (status, URL, vendor details, body) under another kind and message,
    /// with the original error underneath. Kits use it to reword a failure without losing context.
    public func recast(_ kind: Kind, _ message: String) -> APIError {
        var copy = self
        copy.kind = kind
        copy.message = message
        copy.underlying = self
        return copy
    }
}
