import Foundation
import HTTPTypes

/// The one error type every AuthCore-based client throws for a failed call.
///
/// `APIError` is a struct over a private kind, so new kinds can be added without breaking
/// callers: switch on ``kind`` with `==` against the static members of ``Kind``, or use the
/// questions a host app needs, ``isTransient`` and ``requiresReauthentication``.
///
/// Everything in an `APIError` that can be printed is already redacted: the URL, the body
/// excerpt and the description never contain tokens, passwords, cookies or codes. The raw
/// response body is kept in ``responseBody`` for callers that need to parse it further, is never
/// part of the description, and is withheld for endpoints marked as carrying secrets.
public struct APIError: Error, Sendable {
    /// What went wrong, at the level a caller decides on.
    public var kind: Kind
    /// A short, human explanation. Redacted; never contains a secret.
    public var message: String
    /// The HTTP status of the failing response, if one arrived.
    public var status: Int?
    /// The vendor's own error code (for example `invalid_grant` or `BadRequest_NotFound`).
    public var vendorCode: String?
    /// The vendor's own error message.
    public var vendorMessage: String?
    /// The vendor's whole error as the kit parsed it (for example OdynKit's `BCServiceError`, with
    /// its correlation id), read from the body after the request's secrets were removed. Read it
    /// with ``vendorError(as:)``.
    public var vendorError: (any Sendable)?
    /// The HTTP method of the failing request.
    public var method: String?
    /// The request URL with user-info and secret query values removed.
    public var url: String?
    /// Response headers with secret ones (cookies, credentials) removed.
    public var responseHeaders: HTTPFields
    /// A short redacted excerpt of the response body.
    public var bodyExcerpt: String?
    /// The raw response body, for further parsing. Never printed; `nil` for secret-bearing endpoints.
    public var responseBody: Data?
    /// How long the server asked the client to wait (`Retry-After`), if it said.
    public var retryAfter: Duration?
    /// How many attempts were made before this error was thrown.
    public var attempts: Int
    /// The error underneath, if any (a `URLError`, a `DecodingError`, a file-system error...).
    public var underlying: (any Error)?
    /// Whether the call failed while restoring a rejected credential (a refresh that could not
    /// complete), rather than in the request itself.
    public internal(set) var isCredentialRecoveryFailure = false

    /// Creates an error. Kits use this for vendor-specific failures; prefer the kind helpers.
    public init(
        kind: Kind,
        message: String,
        status: Int? = nil,
        vendorCode: String? = nil,
        vendorMessage: String? = nil,
        vendorError: (any Sendable)? = nil,
        method: String? = nil,
        url: String? = nil,
        responseHeaders: HTTPFields = [:],
        bodyExcerpt: String? = nil,
        responseBody: Data? = nil,
        retryAfter: Duration? = nil,
        attempts: Int = 1,
        underlying: (any Error)? = nil
    ) {
        self.kind = kind
        self.message = message
        self.status = status
        self.vendorCode = vendorCode
        self.vendorMessage = vendorMessage
        self.vendorError = vendorError
        self.method = method
        self.url = url
        self.responseHeaders = responseHeaders
        self.bodyExcerpt = bodyExcerpt
        self.responseBody = responseBody
        self.retryAfter = retryAfter
        self.attempts = attempts
        self.underlying = underlying
    }

    /// The vendor's parsed error as `type`, if it is one.
    public func vendorError<T>(as type: T.Type) -> T? {
        vendorError as? T
    }

    /// Whether trying again later may succeed: rate limits, server errors, timeouts and
    /// transient transport failures.
    public var isTransient: Bool {
        switch kind {
        case .rateLimited, .server, .timeout: return true
        case .transport: return TransientTransportErrors.default.isTransient(underlying)
        default: return false
        }
    }

    /// Whether the user has to sign in again: the credentials were rejected, or a refresh
    /// failed in a way that retrying cannot fix.
    public var requiresReauthentication: Bool {
        kind == .authenticationFailed || kind == .reauthenticationRequired
    }
}

extension APIError {
    /// A category of failure.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case authenticationFailed
            case reauthenticationRequired
            case rateLimited
            case server
            case client
            case transport
            case timeout
            case cancelled
            case decoding
            case invalidResponse
            case invalidConfiguration
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The credentials were rejected (HTTP 401, OAuth `invalid_grant`, a bad password).
        public static let authenticationFailed = Kind(.authenticationFailed)
        /// A refresh could not restore access, or a request was rejected again after a refresh.
        public static let reauthenticationRequired = Kind(.reauthenticationRequired)
        /// HTTP 429: too many requests. See ``APIError/retryAfter``.
        public static let rateLimited = Kind(.rateLimited)
        /// HTTP 5xx.
        public static let server = Kind(.server)
        /// HTTP 4xx other than 401 and 429.
        public static let client = Kind(.client)
        /// The request did not complete at the network level.
        public static let transport = Kind(.transport)
        /// The request or the whole call ran out of time.
        public static let timeout = Kind(.timeout)
        /// The calling task was cancelled.
        public static let cancelled = Kind(.cancelled)
        /// The body was JSON but not the expected shape.
        public static let decoding = Kind(.decoding)
        /// The response was not what the API sends: an HTML page, an empty or truncated body, an unexpected status.
        public static let invalidResponse = Kind(.invalidResponse)
        /// The client or call was configured with a value that cannot work.
        public static let invalidConfiguration = Kind(.invalidConfiguration)

        /// The kind's name.
        public var description: String { base.rawValue }

        /// The kind an HTTP error status maps to.
        public static func forStatus(_ status: Int) -> Kind {
            switch status {
            case 401: return .authenticationFailed
            case 408: return .timeout
            case 429: return .rateLimited
            case 400..<500: return .client
            case 500..<600: return .server
            default: return .invalidResponse
            }
        }
    }
}
