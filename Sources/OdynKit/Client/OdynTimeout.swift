import AuthCore

/// Odyn's `(connect, read)` timeout pair, in seconds.
///
/// URLSession has no separate connect timeout, so the client limits each attempt to
/// `connect + read` seconds (the longest an attempt could take in Odyn).
public struct OdynTimeout: Sendable, Equatable, CustomStringConvertible {
    /// Seconds allowed to connect.
    public let connect: Double
    /// Seconds allowed to read the response.
    public let read: Double

    /// The longest value accepted for either part: one day. Longer waits are almost certainly a
    /// unit mistake (milliseconds given as seconds), and far past Business Central's own limits.
    public static let maximumSeconds: Double = 86_400

    /// Odyn's default: 60 s to connect, 60 s to read.
    public static let `default` = OdynTimeout(unchecked: 60, read: 60)

    /// Creates a timeout pair.
    ///
    /// - Throws: ``OdynError`` of kind ``OdynError/Kind/invalidTimeout(reason:)`` naming the bad value
    ///   when either value is not a finite number above zero (NaN, infinity, `0` and `-0` are refused,
    ///   unlike Odyn) or is above ``maximumSeconds``.
    public init(connect: Double, read: Double) throws {
        for (index, value) in [connect, read].enumerated() {
            guard value.isFinite else {
                throw OdynError(
                    .invalidTimeout(reason: "Timeout values must be finite, but value at index \(index) is \(value)"))
            }
            guard value > 0 else {
                throw OdynError(.invalidTimeout(reason: "Timeout values must be greater than 0, got \(value)"))
            }
            guard value <= OdynTimeout.maximumSeconds else {
                throw OdynError(
                    .invalidTimeout(
                        reason:
                            "Timeout values must be at most \(Int(OdynTimeout.maximumSeconds)) seconds, got \(value)"
                    ))
            }
        }
        self.init(unchecked: connect, read: read)
    }

    private init(unchecked connect: Double, read: Double) {
        self.connect = connect
        self.read = read
    }

    /// The per-attempt limit handed to the pipeline: `connect + read`, at least one millisecond.
    ///
    /// Converted without trapping whatever the values (they are validated, but the conversion does
    /// not rely on it), and never zero, which some transports read as "no limit".
    public var perAttempt: Duration { max(.milliseconds(1), Durations.clamped(seconds: connect + read)) }

    /// `(connect, read)`.
    public var description: String { "(\(connect), \(read))" }
}
