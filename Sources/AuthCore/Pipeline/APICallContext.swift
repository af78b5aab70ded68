import HTTPTypes
import Logging

/// What the middlewares know about the call in flight besides the request itself.
public struct APICallContext: Sendable {
    /// A short name of the operation, for logs (for example `GET /asset/{id}`).
    public var operation: String
    /// The resolved retry policy.
    public var retryPolicy: APIRetryPolicy
    /// The per-attempt time limit, if any.
    public var timeout: Duration?
    /// The overall deadline for the call, if any.
    public var deadline: Duration?
    /// Whether repeating the request is safe.
    public var isIdempotent: Bool
    /// Whether the authentication layer applies credentials (false for login and token endpoints).
    public var requiresAuthentication: Bool
    /// Whether request or response bodies carry secrets (token endpoints): bodies are then never kept in errors.
    public var containsSecrets: Bool
    /// Secret values the endpoint named; removed from errors with the ones found in the request.
    public var secrets: [Secret]
    /// Which statuses count as success.
    public var acceptableStatus: @Sendable (Int) -> Bool
    /// How the vendor's error envelope is read.
    public var errorDecoder: ErrorEnvelopeDecoder
    /// The logger for this call (a no-op logger when logging is off).
    public var logger: Logger
    /// The redactor for logs and errors.
    public var redactor: Redactor
    /// The clock and sleeper.
    public var timeSource: any TimeSource
    /// The attempt number, starting at 1; set by the retry layer.
    public var attempt: Int

    /// Creates a context (middlewares and tests; ``APIClient`` builds one per call).
    public init(
        operation: String,
        retryPolicy: APIRetryPolicy = .none,
        timeout: Duration? = nil,
        deadline: Duration? = nil,
        isIdempotent: Bool = true,
        requiresAuthentication: Bool = true,
        containsSecrets: Bool = false,
        secrets: [Secret] = [],
        acceptableStatus: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) },
        errorDecoder: @escaping ErrorEnvelopeDecoder = VendorErrorDetails.commonEnvelope,
        logger: Logger? = nil,
        redactor: Redactor = .default,
        timeSource: any TimeSource = SystemTimeSource(),
        attempt: Int = 1
    ) {
        self.operation = operation
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.deadline = deadline
        self.isIdempotent = isIdempotent
        self.requiresAuthentication = requiresAuthentication
        self.containsSecrets = containsSecrets
        self.secrets = secrets
        self.acceptableStatus = acceptableStatus
        self.errorDecoder = errorDecoder
        self.logger = logger ?? .disabled
        self.redactor = redactor
        self.timeSource = timeSource
        self.attempt = attempt
    }
}

extension Logger {
    /// A logger that discards everything: AuthCore logs nothing unless the caller passes a logger.
    static var disabled: Logger {
        Logger(label: "authcore.disabled", factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
