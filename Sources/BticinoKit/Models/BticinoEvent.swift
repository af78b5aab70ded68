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
