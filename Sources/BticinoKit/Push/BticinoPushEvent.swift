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

/// The kind of a WebRTC message.
public enum BticinoRTCKind: Sendable, Hashable {
    /// The device calls (SDP offer).
    case offer
    /// An SDP answer.
    case answer
    /// An ICE candidate.
    case candidate
    /// The call ended.
    case terminate
    /// The call was answered elsewhere.
    case rescind
    /// A kind BticinoKit does not know.
    case unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "offer": self = .offer
        case "answer": self = .answer
        case "candidate": self = .candidate
        case "terminate": self = .terminate
        case "rescind": self = .rescind
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .offer: return "offer"
        case .answer: return "answer"
        case .candidate: return "candidate"
        case .terminate: return "terminate"
        case .rescind: return "rescind"
        case .unknown(let text): return text
        }
    }
}

/// A module named by an offer.
public struct BticinoPushModule: Sendable, Equatable {
    /// The module id.
    public var id: String
    /// The module type, when the frame gave objects.
    public var type: BticinoModuleType?
    /// The module name, when the frame gave objects.
    public var name: String?

    /// Creates a module reference.
    public init(id: String, type: BticinoModuleType? = nil, name: String? = nil) {
        self.id = id
        self.type = type
        self.name = name
    }
}

/// An ICE candidate as the signaling channel carries it.
public struct BticinoICECandidate: Sendable, Equatable {
    /// The candidate line.
    public var candidate: String
    /// The media line index.
    public var sdpMLineIndex: Int

    /// Creates a candidate.
    public init(candidate: String, sdpMLineIndex: Int) {
        self.candidate = candidate
        self.sdpMLineIndex = sdpMLineIndex
    }
}

/// The error of a `terminate`.
public struct BticinoRTCError: Sendable, Equatable {
    /// Netatmo's code (1: the device's peer slot is taken).
    public var code: Int?
    /// The message, for example `Max number of peers reached`.
    public var message: String?

    /// Creates an error.
    public init(code: Int?, message: String?) {
        self.code = code
        self.message = message
    }

    /// Whether this is the "max number of peers" refusal.
    public var isMaxPeersReached: Bool {
        message?.lowercased().contains("max number of peers") == true
    }
}
