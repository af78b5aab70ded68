/// Odyn's `(connect, read)` timeout pair, in seconds.
///
/// URLSession has no separate connect timeout, so the client limits each attempt to
/// `connect + read` seconds (the longest an attempt could take in Odyn).
public struct OdynTimeout: Sendable, Equatable, CustomStringConvertible {
    /// Seconds allowed to connect.
    public let connect: Double
    /// Seconds allowed to read the response.
    public let read: Double

    /// Odyn's default: 60 s to connect, 60 s to read.
    public static let `default` = OdynTimeout(unchecked: 60, read: 60)

    /// Creates a timeout pair.
    ///
    /// - Throws: ``OdynError`` of kind ``OdynError/Kind/invalidTimeout(reason:)`` naming the bad value
    ///   when either value is not a finite number above zero (NaN and infinity are refused, unlike Odyn).
    public init(connect: Double, read: Double) throws {
        for (index, value) in [connect, read].enumerated() {
            guard value.isFinite else {
                throw OdynError(.invalidTimeout(reason: "Timeout values must be finite, but value at index \(index) is \(value)"))
            }
            guard value > 0 else {
                throw OdynError(.invalidTimeout(reason: "Timeout values must be greater than 0, got \(value)"))
            }
        }
        self.init(unchecked: connect, read: read)
    }

    private init(unchecked connect: Double, read: Double) {
        self.connect = connect
        self.read = read
    }

    /// The per-attempt limit handed to the pipeline.
    public var perAttempt: Duration { .milliseconds(Int64(((connect + read) * 1000).rounded())) }

    /// `(connect, read)`.
    public var description: String { "(\(connect), \(read))" }
}
