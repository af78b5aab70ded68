import AuthCore

/// What ``ViessmannClient/updateGatewayDevices(_:)`` returns: every device, refreshed where that
/// worked, and the error of each device that could not be read.
public struct ViessmannGatewayRefresh: Sendable {
    /// The devices in the order given: refreshed, or unchanged when their id is in ``errors``.
    public var devices: [ViessmannDevice]
    /// Per device id, why it was not refreshed: an `APIError` for the service's
    /// `DEVICE_COMMUNICATION_ERROR`, `DEVICE_NOT_FOUND` or `PACKAGE_NOT_PAID_FOR` and for an answer
    /// that is not JSON (`invalidResponse`, `decoding`); a ``ViessmannError`` `invalidResponse` for
    /// JSON of the wrong shape.
    public var errors: [String: any Error]

    /// Creates a result.
    public init(devices: [ViessmannDevice], errors: [String: any Error]) {
        self.devices = devices
        self.errors = errors
    }

    /// Whether every device was refreshed.
    public var isComplete: Bool { errors.isEmpty }
}
