import AuthCore

/// A failure FlowerhubKit detects itself: a bad argument, an answer of the wrong shape, polling
/// that already runs.
///
/// Everything that crossed the network — an HTTP error status, a transport failure, a time-out,
/// cancellation, authentication, a body that is not JSON at all — is AuthCore's `APIError`
/// instead (check `APIError.requiresReauthentication` to ask for a new login). A
/// `FlowerhubError` is a struct over a private code, so new codes are not a breaking change:
/// compare ``code`` with the static members of ``Code``.
public struct FlowerhubError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Name: String, Sendable {
            case invalidArgument
            case invalidResponse
            case alreadyRunning
        }

        private let name: Name

        private init(_ name: Name) {
            self.name = name
        }

        /// An argument cannot work: a missing or zero id, a blank or malformed period, an empty
        /// username or slug, a polling interval below 5 s. Detected before any request is sent.
        public static let invalidArgument = Code(.invalidArgument)
        /// A successful answer whose JSON does not have the shape the endpoint needs
        /// ("expected dict", "expected list", "missing assetId field", "Failed to parse assetId",
        /// "flowerHubStatus …", "missing or invalid id", "missing user").
        public static let invalidResponse = Code(.invalidResponse)
        /// Periodic polling already runs on this client.
        public static let alreadyRunning = Code(.alreadyRunning)

        /// The code's name.
        public var description: String { name.rawValue }
    }

    /// The most bytes of JSON an ``Code/invalidResponse`` error keeps as its ``payload`` (16 KB).
    public static let maximumPayloadSize = 16 * 1024

    /// What went wrong.
    public let code: Code
    /// A human-readable message. It names what was wrong and never quotes the body, so it holds no secret.
    public let message: String
    /// The HTTP status of the answer, for ``Code/invalidResponse``.
    public let status: Int?
    /// The redacted URL of the request, for ``Code/invalidResponse``.
    public let url: String?
    /// For ``Code/invalidResponse``: the parsed body when it is JSON of at most
    /// ``maximumPayloadSize`` bytes, with members of secret names (`password`, `token`, `cookie`…)
    /// and the secret values the request carried (the password, the session cookies) replaced;
    /// otherwise `nil`. An error is logged, stored and dumped far from the call, so it never
    /// carries a whole body or a secret.
    public let payload: JSONValue?

    /// Creates an error.
    public init(code: Code, message: String, status: Int? = nil, url: String? = nil, payload: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.url = url
        self.payload = payload
    }

    /// Always `false`: the same arguments, or the same answer, fail the same way again. (A
    /// transient failure — a 5xx, a 429, a time-out — is an `APIError`.)
    public var isTransient: Bool { false }

    /// Always `false`: nothing the kit checks itself calls for a new login. (A refused
    /// credential is an `APIError` whose `APIError.requiresReauthentication` is `true`.)
    public var requiresReauthentication: Bool { false }

    /// The code and message, plus status and URL for invalid responses; never the payload.
    public var description: String {
        var parts = ["FlowerhubError.\(code): \(message)"]
        if let status { parts.append("HTTP \(status)") }
        if let url { parts.append(url) }
        return parts.joined(separator: "; ")
    }
}

extension FlowerhubError {
    /// An ``Code/invalidArgument`` error.
    static func invalidArgument(_ message: String) -> FlowerhubError {
        FlowerhubError(code: .invalidArgument, message: message)
    }

    /// The ``Code/alreadyRunning`` error.
    static let alreadyRunning = FlowerhubError(
        code: .alreadyRunning, message: "periodic asset fetch is already running; stop it first")
}
