import AuthCore
import Foundation

/// The error every OdynKit call throws.
///
/// Switch on ``kind`` for what went wrong. When the failure came from the request pipeline the
/// AuthCore ``APIError`` underneath is kept in ``apiError`` (status, redacted URL, raw error body,
/// `Retry-After`, attempts). Nothing in an `OdynError`'s description contains a secret.
public struct OdynError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The base URL is not usable; the reason names the bad value.
        case invalidURL(reason: String)
        /// A timeout value is not a finite number above zero and at most ``OdynTimeout/maximumSeconds``.
        case invalidTimeout(reason: String)
        /// The retry count is not a positive integer up to ``OdynRetrySettings/maximumRetries``.
        case invalidRetry(Int)
        /// The backoff factor is not a finite number above zero.
        case invalidBackoffFactor(Double)
        /// The status forcelist holds a value outside 100–599.
        case invalidStatusForcelist([Int])
        /// An endpoint path is absolute, climbs out of the base (`../`) or is otherwise refused.
        case invalidEndpoint(reason: String)
        /// A call was refused locally before anything was sent (for example a missing argument).
        case invalidRequest(reason: String)
        /// An update or delete was attempted without an ETag (and without choosing ``ETag/any``).
        case missingETag
        /// Business Central answered with an error status.
        case http(status: Int, code: String?, message: String?, correlationId: String?)
        /// Business Central rejected the credentials (HTTP 401), after one refresh when the session can refresh.
        case unauthorized(code: String?, message: String?, correlationId: String?)
        /// The record changed since its ETag was read (HTTP 409/412 or `Request_EntityChanged`).
        case concurrencyConflict(status: Int, code: String?, message: String?, correlationId: String?)
        /// The token endpoint (Microsoft Entra ID) refused the grant.
        case authentication(error: String, description: String?, codes: [Int])
        /// The body is JSON, but not the OData shape expected (for example no `value` list).
        case invalidODataResponse(reason: String)
        /// The body is not JSON (HTML, empty, malformed); the excerpt is short and redacted.
        case invalidJSON(excerpt: String)
        /// The records do not match the caller's `Decodable` type.
        case decodingFailed(reason: String)
        /// An `@odata.nextLink` came back that was already followed.
        case paginationLoop(url: String)
        /// More pages exist than the configured page limit allows.
        case pageLimitReached(limit: Int)
        /// An `@odata.nextLink` points to another scheme, host or port.
        case untrustedNextLink(host: String)
        /// The request did not complete at the network level.
        case transport(reason: String)
        /// An attempt or the whole call ran out of time.
        case timeout
        /// The calling task was cancelled.
        case cancelled
    }

    /// What went wrong.
    public let kind: Kind
    /// The pipeline error underneath, when the failure came from a request.
    public let apiError: APIError?

    /// Creates an error.
    public init(_ kind: Kind, apiError: APIError? = nil) {
        self.kind = kind
        self.apiError = apiError
    }

    /// The HTTP status of the failing response, if one arrived.
    public var status: Int? {
        switch kind {
        case .http(let status, _, _, _), .concurrencyConflict(let status, _, _, _): return status
        case .unauthorized: return 401
        default: return apiError?.status
        }
    }

    /// How long Business Central asked the client to wait (`Retry-After`), if it said.
    public var retryAfter: Duration? { apiError?.retryAfter }

    /// How many attempts were made before the call failed (1 when not retried).
    public var attempts: Int { apiError?.attempts ?? 1 }

    /// Whether trying again later may succeed (throttling, server errors, time-outs, transient network failures).
    public var isTransient: Bool {
        switch kind {
        case .timeout: return true
        case .http(let status, _, _, _): return status == 429 || status >= 500
        case .transport: return apiError?.isTransient ?? false
        default: return false
        }
    }

    /// Whether Business Central throttled the call (HTTP 429).
    public var isThrottled: Bool { status == 429 }

    /// Whether the resource does not exist (HTTP 404).
    public var isNotFound: Bool { status == 404 }

    /// Whether the credentials are valid but lack permission (HTTP 403).
    public var isForbidden: Bool { status == 403 }

    /// A one-line summary, redacted.
    public var description: String {
        var text = "OdynError.\(kind)"
        if let apiError, let url = apiError.url { text += " (\(apiError.method ?? "") \(url))" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        return text
    }
}
