import AuthCore

/// A problem BticinoKit found itself: a bad setting or argument, a home or module the loaded
/// topology does not know, an answer of the wrong shape, a push or signaling failure.
///
/// Everything that crossed the network as HTTP (a status, a refused login, a time-out, a body
/// that is not JSON) is an AuthCore `APIError` instead, with Netatmo's error reachable as
/// `error.vendorError(as: BticinoServiceError.self)`.
///
/// Compare ``code`` with the static members of ``Code``; new codes can be added without breaking
/// callers. ``message`` never holds a credential and is bounded in length.
public struct BticinoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What BticinoKit refused or what failed outside HTTP.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Name: String, Sendable {
            case invalidConfiguration
            case invalidRequest
            case unknownHome
            case missingTokens
            case subscriptionRejected
            case unexpectedSubscribeReply
            case subscribeTimeout
            case connectionFailed
            case notConnected
            case noActiveSession
            case ackTimeout
            case maxPeersReached
            case partialFailure
            case invalidResponse
        }

        private let name: Name

        private init(_ name: Name) {
            self.name = name
        }

        /// A configuration value that cannot work (a non-https URL, an empty client id, a zero timeout).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// An argument refused before anything was sent (an empty id, a state that cannot be encoded).
        public static let invalidRequest = Code(.invalidRequest)
        /// A home id that is not in the loaded topology (load it with `topology()` first).
        public static let unknownHome = Code(.unknownHome)
        /// A login answer without an access token or a refresh token.
        public static let missingTokens = Code(.missingTokens)
        /// The push or signaling server refused the subscription (`{"error":{"code","message"}}`).
        public static let subscriptionRejected = Code(.subscriptionRejected)
        /// The first frame after subscribing was neither `{"status":"ok"}` nor an error.
        public static let unexpectedSubscribeReply = Code(.unexpectedSubscribeReply)
        /// No reply to the subscribe frame in time.
        public static let subscribeTimeout = Code(.subscribeTimeout)
        /// The websocket could not be opened or was dropped.
        public static let connectionFailed = Code(.connectionFailed)
        /// A frame was to be sent on a socket that is not open.
        public static let notConnected = Code(.notConnected)
        /// An answer, candidate or terminate without a signaling session.
        public static let noActiveSession = Code(.noActiveSession)
        /// The signaling server did not acknowledge an offer in time.
        public static let ackTimeout = Code(.ackTimeout)
        /// The device refused the call: it has one peer slot and it is taken ("Max number of peers reached").
        public static let maxPeersReached = Code(.maxPeersReached)
        /// `setstate` answered `ok` but listed errors for some modules (see ``BticinoSetStateResult``).
        public static let partialFailure = Code(.partialFailure)
        /// An answer of the wrong shape (not an object where one was required).
        public static let invalidResponse = Code(.invalidResponse)

        /// The code's name, for example `unknownHome`.
        public var description: String { name.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// What was wrong, naming the bad value; never a credential, and bounded in length.
    public let message: String
    /// The Netatmo error code carried by a refused subscription or a terminate, if any.
    public let vendorCode: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, vendorCode: Int? = nil) {
        self.code = code
        self.message = message.bticinoBounded()
        self.vendorCode = vendorCode
    }

    /// Whether trying again later may help: connection failures, time-outs and a busy device.
    public var isTransient: Bool {
        [Code.connectionFailed, .subscribeTimeout, .ackTimeout, .maxPeersReached, .notConnected].contains(code)
    }

    /// Whether the user has to sign in again: a subscription refused for a token problem
    /// (Netatmo codes 2 and 3), or a login answer without tokens.
    public var requiresReauthentication: Bool {
        code == .missingTokens || (code == .subscriptionRejected && (vendorCode == 2 || vendorCode == 3))
    }

    /// A subscription refused because the access token expired or is invalid (Netatmo codes 2
    /// and 3): the push runner refreshes the token and reconnects instead of giving up.
    var isTokenRejection: Bool {
        code == .subscriptionRejected && (vendorCode == 2 || vendorCode == 3)
    }

    /// `BticinoError.<code>: <message>`.
    public var description: String { "BticinoError.\(code): \(message)" }
}

extension String {
    /// The text cut to AuthCore's error-text limit, marked with `…` when cut.
    func bticinoBounded(to limit: Int = APIError.maximumTextLength) -> String {
        guard utf8.count > limit else { return self }
        return String(prefix(limit)) + "…"
    }
}
