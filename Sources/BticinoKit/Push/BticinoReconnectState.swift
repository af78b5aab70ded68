import AuthCore

/// One step of the reconnect state machine: how long to wait before the next attempt.
public struct BticinoReconnect: Sendable, Equatable {
    /// The failed attempts in a row, this one included.
    public var attempt: Int
    /// The wait before the next attempt.
    public var delay: Duration
    /// Whether this is a full reset: the token is renewed and the backoff starts over.
    public var isFullReset: Bool
    /// Why the connection ended or failed (never a secret).
    public var reason: String

    /// Creates a step.
    public init(attempt: Int, delay: Duration, isFullReset: Bool, reason: String) {
        self.attempt = attempt
        self.delay = delay
        self.isFullReset = isFullReset
        self.reason = reason
    }
}

/// The push client's reconnect state machine (the original's `run_forever` exits at once).
///
/// `connected` (subscribed) → the socket drops → `failed`: wait the backoff for the count of
/// failures in a row, try again; a successful subscription resets the count. After
/// ``BticinoPushSettings/fullResetAfterFailures`` failures in a row the next step is a full reset.
struct BticinoReconnectState {
    private(set) var failures = 0

    /// A subscription succeeded.
    mutating func connected() {
        failures = 0
    }

    /// A connection failed or dropped.
    mutating func failed(reason: String, settings: BticinoPushSettings, random: RandomSource) -> BticinoReconnect {
        failures += 1
        let reset = failures >= settings.fullResetAfterFailures
        let delay = settings.backoff.delay(attempt: failures, unit: random.unitInterval())
        let step = BticinoReconnect(attempt: failures, delay: delay, isFullReset: reset, reason: reason)
        if reset { failures = 0 }
        return step
    }
}
