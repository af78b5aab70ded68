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
