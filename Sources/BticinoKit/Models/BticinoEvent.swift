/// An entry of the event history (`getevents`): a call container (`outdoor`, `call`) with its
/// subevents, or a bridge `connection` / `disconnection`.
public struct BticinoEvent: Sendable, Equatable, Codable {
    /// The event id.
    public var id: String
    /// The event type.
    public var type: BticinoEventType
    /// When it happened (Unix seconds).
    public var time: Int?
    /// When it ended (Unix seconds), if reported.
    public var end: Int?
    /// The module it belongs to.
    public var moduleID: String?
    /// The localized message.
    public var message: String?
    /// `available` or `deleted`.
    public var videoStatus: String?
    /// The call's steps.
    public var subevents: [BticinoSubevent]

    enum CodingKeys: String, CodingKey {
        case id
        case type
        case time
        case end
        case moduleID = "module_id"
        case message
        case videoStatus = "video_status"
        case subevents
    }

    /// Creates an event.
    public init(
        id: String, type: BticinoEventType, time: Int? = nil, end: Int? = nil, moduleID: String? = nil,
        message: String? = nil, videoStatus: String? = nil, subevents: [BticinoSubevent] = []
    ) {
        self.id = id
        self.type = type
        self.time = time
        self.end = end
        self.moduleID = moduleID
        self.message = message
        self.videoStatus = videoStatus
        self.subevents = subevents
    }
}

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

/// A time-limited image URL (snapshot or vignette).
public struct BticinoMedia: Sendable, Equatable, Codable {
    /// The URL.
    public var url: String
    /// When the URL stops working (Unix seconds).
    public var expiresAt: Int?

    enum CodingKeys: String, CodingKey {
        case url
        case expiresAt = "expires_at"
    }

    /// Creates a media reference.
    public init(url: String, expiresAt: Int? = nil) {
        self.url = url
        self.expiresAt = expiresAt
    }
}
