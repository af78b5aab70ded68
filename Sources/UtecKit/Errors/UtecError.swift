import AuthCore

/// A problem UtecKit found itself: a bad setting or argument, a command the device cannot take,
/// an answer of the wrong shape, a device that reported an error, or a webhook call that failed
/// its checks.
///
/// Everything that went wrong on the network — an HTTP status, a refused or expired token
/// (including U-Tec's `INVALID_TOKEN` inside an HTTP 200), a time-out, a transport failure,
/// cancellation, a body that is not JSON — is an AuthCore `APIError` instead, with U-Tec's
/// parsed error reachable as `error.vendorError(as: UtecServiceError.self)`.
///
/// Compare ``code`` with the static members of ``Code``; new codes can be added without breaking
/// callers. ``message`` never holds a credential.
public struct UtecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What UtecKit refused or found.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Name: String, Sendable {
            case invalidConfiguration
            case invalidURL
            case invalidTimeout
            case invalidArgument
            case unsupportedCommand
            case missingField
            case invalidPayload
            case deviceError
            case deviceMissing
            case webhookUnauthorized
            case webhookForbidden
            case invalidNotification
        }

        private let name: Name

        private init(_ name: Name) {
            self.name = name
        }

        /// A client setting that cannot work (a concurrency limit below one, an empty client id).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A URL that cannot be used (not `https`, or plain `http` to a host that is not loopback).
        public static let invalidURL = Code(.invalidURL)
        /// A time-out that is not above zero or is longer than a day.
        public static let invalidTimeout = Code(.invalidTimeout)
        /// An argument refused before anything was sent (a colour temperature outside the device's
        /// range, an empty device list, a webhook URL that is not http or https).
        public static let invalidArgument = Code(.invalidArgument)
        /// A command for a capability the device does not have (dimming a lock).
        public static let unsupportedCommand = Code(.unsupportedCommand)
        /// A record without a field UtecKit needs (a discovered device without `id` or `handleType`).
        public static let missingField = Code(.missingField)
        /// An answer that is JSON but not the envelope shape expected (`devices` that is not a list).
        public static let invalidPayload = Code(.invalidPayload)
        /// The device itself reported an error (`payload.devices[].error`, for example `DEVICE_OFFLINE`);
        /// see ``UtecError/deviceID`` and ``UtecError/vendorCode``.
        public static let deviceError = Code(.deviceError)
        /// The answer did not mention a device that was asked about.
        public static let deviceMissing = Code(.deviceMissing)
        /// A webhook call without a bearer secret, or before a secret was set (answer 401).
        public static let webhookUnauthorized = Code(.webhookUnauthorized)
        /// A webhook call whose bearer secret does not match (answer 403).
        public static let webhookForbidden = Code(.webhookForbidden)
        /// A webhook body that is not a notification in any known shape (answer 400).
        public static let invalidNotification = Code(.invalidNotification)

        /// The code's name, for example `deviceError`.
        public var description: String { name.rawValue }
    }

    /// What UtecKit refused or found.
    public let code: Code
    /// What was wrong; never a credential, and bounded in length.
    public let message: String
    /// The device the error is about, when there is one.
    public let deviceID: String?
    /// U-Tec's own code for a device error (for example `DEVICE_OFFLINE`).
    public let vendorCode: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, deviceID: String? = nil, vendorCode: String? = nil) {
        self.code = code
        self.message = message.count > 500 ? String(message.prefix(500)) + "…" : message
        self.deviceID = deviceID
        self.vendorCode = vendorCode
    }

    /// Whether trying again later may succeed: a device that is offline, busy or timed out.
    public var isTransient: Bool {
        guard code == .deviceError, let vendorCode = vendorCode?.uppercased() else { return false }
        return ["OFFLINE", "BUSY", "TIMEOUT", "UNREACHABLE", "INTERNAL"].contains { vendorCode.contains($0) }
    }

    /// Always `false`: a refused token is an `APIError` whose `requiresReauthentication` is `true`.
    public var requiresReauthentication: Bool { false }

    /// `UtecError.<code>: <message>` with the device and vendor code when known.
    public var description: String {
        var text = "UtecError.\(code): \(message)"
        if let deviceID { text += " (device \(deviceID)" + (vendorCode.map { ", \($0)" } ?? "") + ")" }
        return text
    }
}
