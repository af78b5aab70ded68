/// How the signaling client waits.
public struct BticinoSignalingSettings: Sendable, Equatable {
    /// The longest to wait for an offer's acknowledgement; default 30 s.
    public var ackTimeout: Duration
    /// The longest to wait for the websocket and the subscribe reply; default 30 s.
    public var connectTimeout: Duration

    /// Creates settings with the defaults.
    public init(ackTimeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(30)) {
        self.ackTimeout = ackTimeout
        self.connectTimeout = connectTimeout
    }
}
