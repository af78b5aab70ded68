/// A problem OdynKit found itself, before sending or in an answer it received intact: a bad
/// setting or argument, an answer of the wrong OData shape, a pagination loop, a page limit.
///
/// Everything that went wrong on the network — an HTTP error status, a refused token, a
/// time-out, a transport failure, cancellation, a body that is not JSON or does not fit the
/// records' type — is an AuthCore `APIError` instead, with Business Central's parsed error
/// reachable as `error.vendorError(as: BCServiceError.self)` (or ``EntraTokenError`` for the
/// token endpoint). So a call throws one of exactly two types:
///
/// ```swift
/// do {
///     try await client.update(.items, id: id, etag: etag, changes: change, company: company)
/// } catch let error as APIError where error.vendorError(as: BCServiceError.self)?.isConcurrencyConflict == true {
///     // reload and try again
/// } catch let error as OdynError where error.code == .missingETag {
///     // a programming error: read the record first
/// }
/// ```
///
/// Compare ``code`` with the static members of ``Code``; new codes can be added without breaking
/// callers. ``message`` names the bad value and never holds a credential.
public struct OdynError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What OdynKit refused.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Name: String, Sendable {
            case invalidURL
            case invalidTimeout
            case invalidRetry
            case invalidBackoffFactor
            case invalidStatusForcelist
            case invalidConfiguration
            case invalidEndpoint
            case invalidRequest
            case missingETag
            case invalidODataResponse
            case decodingFailed
            case paginationLoop
            case pageLimitReached
            case untrustedNextLink
        }

        private let name: Name

        private init(_ name: Name) {
            self.name = name
        }

        /// A base URL or authority host that cannot be used (empty, not `https`, with a query, credentials…).
        public static let invalidURL = Code(.invalidURL)
        /// A timeout that is not above zero or is longer than ``OdynClient/Configuration/maximumTimeout``.
        public static let invalidTimeout = Code(.invalidTimeout)
        /// A retry count below one or above ``OdynRetrySettings/maximumRetries``.
        public static let invalidRetry = Code(.invalidRetry)
        /// A backoff factor that is not a finite number above zero.
        public static let invalidBackoffFactor = Code(.invalidBackoffFactor)
        /// A status outside 100–599 in the retry forcelist.
        public static let invalidStatusForcelist = Code(.invalidStatusForcelist)
        /// Another client setting that cannot work (a concurrency limit or page size below one).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// An endpoint path that is absolute, climbs out of the service root (`../`) or has a fragment.
        public static let invalidEndpoint = Code(.invalidEndpoint)
        /// An argument refused before anything was sent (an empty credential, a malformed GUID,
        /// duplicate batch ids, a body that cannot be encoded).
        public static let invalidRequest = Code(.invalidRequest)
        /// An update or delete without an ETag (choose ``ODataETag/any`` to skip the check on purpose).
        public static let missingETag = Code(.missingETag)
        /// A JSON answer that is not the OData shape expected (no `value` list, not an object, no
        /// answer for a `$batch` operation).
        public static let invalidODataResponse = Code(.invalidODataResponse)
        /// A `$batch` operation's body that does not fit the type asked for in ``ODataBatchResult/decode(_:decoder:)``.
        public static let decodingFailed = Code(.decodingFailed)
        /// An `@odata.nextLink` that was already followed.
        public static let paginationLoop = Code(.paginationLoop)
        /// More pages than ``ODataPagination/maxPages`` allows.
        public static let pageLimitReached = Code(.pageLimitReached)
        /// An `@odata.nextLink` to another scheme, host or port than the page it came with.
        public static let untrustedNextLink = Code(.untrustedNextLink)

        /// The code's name, for example `missingETag`.
        public var description: String { name.rawValue }
    }

    /// What OdynKit refused.
    public let code: Code
    /// What was wrong, naming the bad value; never a credential, and bounded in length.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message.bounded()
    }

    /// Always `false`: every check OdynKit makes gives the same answer when repeated. (Network
    /// failures that may pass are `APIError`s, whose `isTransient` says so.)
    public var isTransient: Bool { false }

    /// Always `false`: OdynKit refuses nothing because of credentials. (A refused sign-in is an
    /// `APIError` whose `requiresReauthentication` is `true`.)
    public var requiresReauthentication: Bool { false }

    /// `OdynError.<code>: <message>`.
    public var description: String { "OdynError.\(code): \(message)" }
}
