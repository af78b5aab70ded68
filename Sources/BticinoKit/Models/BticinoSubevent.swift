/// A step of a call: incoming, accepted or missed, with its snapshot and vignette.
public struct BticinoSubevent: Sendable, Equatable, Codable {
    /// The subevent id.
    public var id: String
    /// The subevent type.
    public var type: BticinoEventType
    /// When it happened (Unix seconds).
    public var time: Int?
    /// Whether the event is verified.
    public var verified: Bool?
    /// The offset into the clip.
    public var offset: Int?
    /// The call's session id (the same as the push `rtc` offer's).
    public var sessionID: String?
    /// The localized message.
    public var message: String?
    /// The snapshot, a time-limited URL.
    public var snapshot: BticinoMedia?
    /// The vignette, a time-limited URL.
    public var vignette: BticinoMedia?

    enum CodingKeys: String, CodingKey {
        case id
        case type
        case time
        case verified
        case offset
        case sessionID = "session_id"
        case message
        case snapshot
        case vignette
    }

    /// Creates a subevent.
    public init(
        id: String, type: BticinoEventType, time: Int? = nil, verified: Bool? = nil, offset: Int? = nil,
        sessionID: String? = nil, message: String? = nil, snapshot: BticinoMedia? = nil,
        vignette: BticinoMedia? = nil
    ) {
        self.id = id
        self.type = type
        self.time = time
        self.verified = verified
        self.offset = offset
        self.sessionID = sessionID
        self.message = message
        self.snapshot = snapshot
        self.vignette = vignette
    }
}
