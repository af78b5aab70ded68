/// What the signaling channel delivers besides acknowledgements.
public enum BticinoSignalingEvent: Sendable, Equatable {
    /// The device answered an offer with SDP.
    case answer(sessionID: String?, sdp: String)
    /// The device sent an ICE candidate.
    case candidate(sessionID: String?, BticinoICECandidate)
    /// The call ended; `error` is set when the device refused it (code 1: max number of peers).
    case terminated(sessionID: String?, error: BticinoRTCError?)
    /// The call was answered elsewhere.
    case rescinded(sessionID: String?)
    /// The signaling socket closed.
    case disconnected
}

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
