import AuthCore
import Foundation
import Logging

extension FlowerhubClient {
    /// The cookie session's refresh: `GET /auth/refresh-token`, sent by AuthCore's `CookieSession`
    /// outside the concurrency limit.
    ///
    /// Only a refusal ends the session: a refresh answered 401 or 403 requires reauthentication.
    /// Any other failure (5xx, 429, a time-out, an unreachable server) keeps its kind, so a 5xx,
    /// 429 or time-out stays transient and nobody is asked for a password because of a server
    /// hiccup; the rejected request is not retried then.
    ///
    /// A 2xx refresh renews the cookies. Its body is only a hint: the owner id is taken from it
    /// (wrapped or flat user) when it holds a valid one; a body that holds none keeps the previous
    /// owner id, since the session itself was renewed. That is logged at debug level, without the body.
    static func refreshEndpoint(shared: SharedSessionState, logger: Logger?) -> Endpoint<Void> {
        FlowerhubEndpoints.refresh().map { response in
            do throws(PayloadIssue) {
                shared.assetOwnerId = try AuthParsers.refreshedOwnerId(try? JSONValue(jsonData: response.body))
                logger?.debug("session refreshed", metadata: ["status": "\(response.status)"])
            } catch {
                logger?.debug(
                    "session refreshed; the body names no valid owner id, keeping the previous one",
                    metadata: ["reason": "\(error.message)", "status": "\(response.status)"]
                )
            }
        }
    }
}

extension APIError {
    /// Whether this error is a session refresh that failed without being refused.
    var isSessionRefreshFailure: Bool {
        isCredentialRecoveryFailure && !requiresReauthentication
    }
}
