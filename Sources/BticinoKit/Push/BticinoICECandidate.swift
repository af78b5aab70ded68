import AuthCore

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
