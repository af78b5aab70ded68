/// The type of a history event, subevent or push event; unknown types are kept.
public enum BticinoEventType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A call container in the history.
    case outdoor
    /// A call container (older name).
    case call
    /// Someone rang.
    case incomingCall
    /// A device answered.
    case acceptedCall
    /// Nobody answered (~30 s).
    case missedCall
    /// A clip was saved.
    case endRecording
    /// The bridge came online.
    case connection
    /// The bridge went offline.
    case disconnection
    /// The bridge's websocket came up.
    case websocketConnection
    /// WebRTC signaling pushed by the device (offer, terminate, rescind).
    case rtc
    /// A user was invited.
    case newUser
    /// A type BticinoKit does not know, with its text.
    case unknown(String)

    private static let known: [(BticinoEventType, String)] = [
        (.outdoor, "outdoor"), (.call, "call"), (.incomingCall, "incoming_call"), (.acceptedCall, "accepted_call"),
        (.missedCall, "missed_call"), (.endRecording, "end_recording"), (.connection, "connection"),
        (.disconnection, "disconnection"), (.websocketConnection, "websocket_connection"), (.rtc, "rtc"),
        (.newUser, "new_user"),
    ]

    /// The type for a wire value.
    public init(rawValue: String) {
        self = Self.known.first { $0.1 == rawValue }?.0 ?? .unknown(rawValue)
    }

    /// The wire value, for example `incoming_call`.
    public var rawValue: String {
        if case .unknown(let text) = self { return text }
        return Self.known.first { $0.0 == self }?.1 ?? ""
    }

    /// The wire value.
    public var description: String { rawValue }

    /// Decodes the wire string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
