/// The exit status of `vendorctl`: one value per class of failure, so scripts can tell them apart.
///
/// The numbers follow BSD `sysexits.h` where one fits.
public struct VendorCtlExitCode: Hashable, Sendable, CustomStringConvertible {
    /// The number the process exits with.
    public let rawValue: Int32
    /// The class in words, as the error line names it (`vendorctl: network: …`).
    public let label: String
    /// What the class covers, for the help text.
    public let meaning: String

    private init(_ rawValue: Int32, _ label: String, _ meaning: String) {
        self.rawValue = rawValue
        self.label = label
        self.meaning = meaning
    }

    /// 0: the command did what it was asked.
    public static let success = VendorCtlExitCode(0, "success", "the command did what it was asked")
    /// 1: a failure that fits no other class.
    public static let failure = VendorCtlExitCode(1, "error", "a failure that fits no other class")
    /// 64: bad arguments or options, an unreadable input file or JSON, a secret on the command line.
    public static let usage = VendorCtlExitCode(
        64, "usage", "bad arguments, unreadable input, a secret on the command line")
    /// 65: the service refused the request itself (4xx other than 401 and 429: not found,
    /// validation, an ETag conflict), or operations of a batch failed.
    public static let refused = VendorCtlExitCode(
        65, "refused", "the service refused the request (4xx, failed batch items)")
    /// 69: the service could not be reached (connection refused, DNS, TLS, a time-out).
    public static let network = VendorCtlExitCode(
        69, "network", "the service is unreachable (refused, DNS, TLS, time-out)")
    /// 70: the service failed (5xx, rate limited after the retries, an answer it should not send).
    public static let server = VendorCtlExitCode(
        70, "server", "the service failed (5xx, rate limit, invalid answer)")
    /// 73: the config directory or a session or token file cannot be written.
    public static let localFiles = VendorCtlExitCode(
        73, "local files", "the config directory or a file in it cannot be written")
    /// 77: not signed in, a missing or damaged session or token file, or credentials or a session
    /// the service refused: sign in again.
    public static let authentication = VendorCtlExitCode(
        77, "authentication", "not signed in, damaged session, credentials refused")
    /// 130: interrupted or cancelled.
    public static let cancelled = VendorCtlExitCode(130, "cancelled", "interrupted")

    /// Every code, in numeric order (for the help text and the README).
    public static let all: [VendorCtlExitCode] = [
        .success, .failure, .usage, .refused, .network, .server, .localFiles, .authentication, .cancelled,
    ]

    /// `64 usage`.
    public var description: String { "\(rawValue) \(label)" }

    /// Equal when the numbers are.
    public static func == (lhs: VendorCtlExitCode, rhs: VendorCtlExitCode) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes the number.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
