/// The ids of a signaling session.
public struct BticinoSignalingSession: Sendable, Equatable {
    /// The session id.
    public var sessionID: String?
    /// The tag id.
    public var tagID: String?
    /// The bridge (MAC address).
    public var deviceID: String?
    /// The correlation id, as text.
    public var correlationID: String?

    /// Creates a session.
    public init(sessionID: String? = nil, tagID: String? = nil, deviceID: String? = nil, correlationID: String? = nil) {
        self.sessionID = sessionID
        self.tagID = tagID
        self.deviceID = deviceID
        self.correlationID = correlationID
    }
}
