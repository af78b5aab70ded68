import AuthCore
import Foundation
import Logging

extension FlowerhubClient {
    /// The message of a refresh that failed without being refused; also how the client recognises
    /// such a failure under the errors the pipeline wraps around it.
    static let refreshFailureMessage = "the session refresh failed without being refused; the call was not retried"

    /// The cookie session's refresh: `GET /auth/refresh-token` without the authenticator and the
    /// concurrency limit.
    ///
    /// Only a refusal ends the session: a refresh answered 401 or 403 throws an error that
    /// requires reauthentication. Any other failure (5xx, 429, a time-out, an unreachable server,
    /// another status) is thrown as it is, under ``refreshFailureMessage``: the call ends with that
    /// error, which keeps its kind, so a 5xx, 429 or time-out stays transient and nobody is asked
    /// for a password because of a server hiccup. The rejected request is not retried then.
    ///
    /// A 2xx refresh renews the cookies. Its body is only a hint: the owner id is taken from it
    /// (wrapped or flat user) when it holds a valid one; a body that holds none (not JSON, another
    /// shape, an invalid id) keeps the previous owner id, since the session itself was renewed.
    /// That is logged at debug level, without the body.
    static func refreshSession(using client: APIClient, shared: SharedSessionState, logger: Logger?) async throws {
        let response: RawResponse
        do {
            response = try await client.send(
                FlowerhubEndpoints.refresh(),
                options: RequestOptions(timeout: shared.effectiveTimeout(nil), retryPolicy: APIRetryPolicy.none)
            )
        } catch let error as APIError where error.kind == .cancelled {
            throw error
        } catch let error as APIError where error.requiresReauthentication || [401, 403].contains(error.status) {
            logger?.warning("session refresh refused; a new login is needed", metadata: LogSummary.of(error))
            throw error.recast(.reauthenticationRequired, "the portal refused the session refresh; log in again")
        } catch let error as APIError {
            logger?.warning("session refresh failed; the call ends without a retry", metadata: LogSummary.of(error))
            throw error.recast(error.kind, refreshFailureMessage)
        }
        do {
            shared.assetOwnerId = try AuthParsers.refreshedOwnerId(try? JSONValue(jsonData: response.body))
        } catch {
            logger?.debug(
                "session refreshed; the body names no valid owner id, keeping the previous one",
                metadata: ["reason": "\(error.message)", "status": "\(response.status)"]
            )
            return
        }
        logger?.debug("session refreshed", metadata: ["status": "\(response.status)"])
    }
}

extension APIError {
    /// Whether this error is (or wraps) a session refresh that failed without being refused.
    var isSessionRefreshFailure: Bool {
        var current: APIError? = self
        // The pipeline wraps a refresh failure at most a few times; the walk is bounded anyway.
        for _ in 0..<8 {
            guard let error = current else { return false }
            if error.message == FlowerhubClient.refreshFailureMessage { return true }
            current = error.underlying as? APIError
        }
        return false
    }
}
