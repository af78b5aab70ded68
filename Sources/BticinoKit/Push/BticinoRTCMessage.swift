import AuthCore

/// The WebRTC part of an `rtc` push event or a signaling frame.
public struct BticinoRTCMessage: Sendable, Equatable {
    /// `offer`, `answer`, `candidate`, `terminate`, `rescind` or an unknown kind.
    public var kind: BticinoRTCKind
    /// The session id.
    public var sessionID: String?
    /// The tag id (base64).
    public var tagID: String?
    /// The correlation id, as text (it arrives as a number or a string).
    public var correlationID: String?
    /// The bridge (MAC address).
    public var deviceID: String?
    /// The home.
    public var homeID: String?
    /// The SDP of an offer or answer.
    public var sdp: String?
    /// The calling module.
    public var moduleID: String?
    /// The modules of the offer (ids or `{type,id,name}` objects on the wire).
    public var modules: [BticinoPushModule]
    /// The ICE candidate of a `candidate`.
    public var candidate: BticinoICECandidate?
    /// The error a `terminate` carries (code 1: "Max number of peers reached").
    public var error: BticinoRTCError?

    /// Creates a message.
    public init(kind: BticinoRTCKind, sessionID: String? = nil, modules: [BticinoPushModule] = []) {
        self.kind = kind
        self.sessionID = sessionID
        self.modules = modules
    }
}
