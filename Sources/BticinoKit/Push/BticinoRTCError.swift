import AuthCore

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

    /// Whether this is the "max number of peers" refusal: code 1, or the message when the code is missing.
    public var isMaxPeersReached: Bool {
        code == 1 || message?.lowercased().contains("max number of peers") == true
    }
}
