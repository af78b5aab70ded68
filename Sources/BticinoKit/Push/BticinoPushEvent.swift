import AuthCore

/// An event from the push websocket: a ring, an answered or missed call, a clip, a bridge going
/// on- or offline, or WebRTC signaling from the device.
///
/// `push_type` is `<bridge type>-<event>` (`BNC1-incoming_call`, `BDIY-rtc`); the prefix is the
/// bridge's module type, kept in ``bridgeType``. Ids arrive as numbers or strings and are read as text.
public struct BticinoPushEvent: Sendable, Equatable {
    /// The raw `push_type`, for example `BNC1-incoming_call`.
    public var pushType: String
    /// The bridge type from the prefix; `nil` when there is none (`new_user`).
    public var bridgeType: BticinoModuleType?
    /// The event type from the suffix; unknown types are kept.
    public var type: BticinoEventType
    /// The `category`, for example `incoming_call` or `rtc`.
    public var category: String?
    /// The home.
    public var homeID: String?
    /// The home's name.
    public var homeName: String?
    /// The bridge (MAC address).
    public var deviceID: String?
    /// The camera (MAC address).
    public var cameraID: String?
    /// The history event id.
    public var eventID: String?
    /// The history subevent id.
    public var subeventID: String?
    /// The call's session id.
    public var sessionID: String?
    /// When it happened (Unix seconds).
    public var timestamp: Int?
    /// The snapshot URL (rings and missed calls).
    public var snapshotURL: String?
    /// The vignette URL (rings and missed calls).
    public var vignetteURL: String?
    /// The module the call comes from: the offer's `module_id`, or for a terminate or rescind the
    /// module of the earlier offer with the same session id.
    public var moduleID: String?
    /// The WebRTC part of an `rtc` event.
    public var rtc: BticinoRTCMessage?
    /// The whole frame as received.
    public var raw: JSONValue

    /// Creates an event.
    public init(pushType: String, type: BticinoEventType, raw: JSONValue = .null) {
        self.pushType = pushType
        self.type = type
        self.raw = raw
    }
}
