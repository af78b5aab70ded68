import AuthCore

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
