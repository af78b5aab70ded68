import AuthCore
import Foundation

/// How the push client connects, renews its subscription and reconnects.
public struct BticinoPushSettings: Sendable, Equatable {
    /// The longest the websocket may take to open; default 30 s.
    public var openTimeout: Duration
    /// The longest to wait for the reply to the subscribe frame; default 30 s.
    public var subscribeTimeout: Duration
    /// How often the subscription is renewed with a fresh token on the live socket; default one
    /// hour. It is renewed earlier when the token expires sooner.
    public var resubscribeInterval: Duration
    /// The reconnect delays.
    public var backoff: BticinoBackoff
    /// After this many failed connection attempts in a row the client resets fully: a fresh
    /// token is fetched and the backoff starts over. Default 5.
    public var fullResetAfterFailures: Int
    /// How many undelivered updates are kept for a slow consumer; default 256. When full, the
    /// **oldest** undelivered update is dropped (and counted in ``BticinoPushStream/droppedCount``):
    /// reading the socket never waits for the consumer.
    public var bufferCapacity: Int
    /// How many recent events are remembered to drop retransmissions; default 512.
    public var deduplicationMemory: Int
    /// The largest frame accepted; default 1 MiB.
    public var maxFrameSize: Int

    /// Creates settings with the defaults.
    public init(
        openTimeout: Duration = .seconds(30), subscribeTimeout: Duration = .seconds(30),
        resubscribeInterval: Duration = .seconds(3600), backoff: BticinoBackoff = BticinoBackoff(),
        fullResetAfterFailures: Int = 5, bufferCapacity: Int = 256, deduplicationMemory: Int = 512,
        maxFrameSize: Int = 1 << 20
    ) {
        self.openTimeout = openTimeout
        self.subscribeTimeout = subscribeTimeout
        self.resubscribeInterval = resubscribeInterval
        self.backoff = backoff
        self.fullResetAfterFailures = fullResetAfterFailures
        self.bufferCapacity = bufferCapacity
        self.deduplicationMemory = deduplicationMemory
        self.maxFrameSize = maxFrameSize
    }

    func validate() throws {
        guard openTimeout > .zero, subscribeTimeout > .zero, resubscribeInterval >= .seconds(1) else {
            throw BticinoError(
                .invalidConfiguration, "push time-outs must be above 0 and resubscribeInterval at least 1 s")
        }
        guard fullResetAfterFailures >= 1, bufferCapacity >= 1, deduplicationMemory >= 1, maxFrameSize >= 1024 else {
            throw BticinoError(
                .invalidConfiguration,
                "push fullResetAfterFailures, bufferCapacity and deduplicationMemory must be at least 1, maxFrameSize at least 1024"
            )
        }
        try backoff.validate()
    }
}

/// Capped exponential backoff with jitter: attempt *n* waits `initial × multiplierⁿ⁻¹`, at most
/// `maximum`, then moved by up to ±`jitter` of itself.
public struct BticinoBackoff: Sendable, Equatable {
    /// The first delay; default 5 s.
    public var initial: Duration
    /// The longest delay before jitter; default 120 s.
    public var maximum: Duration
    /// The growth factor; default 2.
    public var multiplier: Double
    /// The jitter as a fraction of the delay (0 ... 1); default 0.2.
    public var jitter: Double

    /// Creates a backoff.
    public init(
        initial: Duration = .seconds(5), maximum: Duration = .seconds(120), multiplier: Double = 2,
        jitter: Double = 0.2
    ) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay before attempt `attempt` (1-based), with `unit` a random number in 0 ..< 1.
    public func delay(attempt: Int, unit: Double) -> Duration {
        let base = Durations.seconds(initial) * pow(multiplier, Double(max(0, attempt - 1)))
        let capped = min(base, Durations.seconds(maximum))
        let factor = 1 + jitter * (2 * unit - 1)
        return Durations.clamped(seconds: capped * factor)
    }

    func validate() throws {
        guard initial > .zero, maximum >= initial, multiplier >= 1, multiplier.isFinite, (0...1).contains(jitter)
        else {
            throw BticinoError(
                .invalidConfiguration,
                "backoff needs initial > 0, maximum >= initial, a finite multiplier >= 1 and jitter in 0...1")
        }
    }
}
