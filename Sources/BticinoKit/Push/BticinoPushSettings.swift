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
