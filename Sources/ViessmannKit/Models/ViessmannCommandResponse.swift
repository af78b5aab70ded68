/// The answer to a command (E5): `{"data":{"success","message","reason"}}`.
public struct ViessmannCommandResponse: Sendable, Equatable, Codable {
    /// Whether the device accepted it. `"true"`/`"false"` strings are read too; a missing flag is `false`.
    public var success: Bool
    /// The message, if any.
    public var message: String?
    /// The reason, for example `COMMAND_EXECUTION_SUCCESS` or `DEVICE_OFFLINE`.
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case success
        case message
        case reason
    }

    /// Creates a response.
    public init(success: Bool, message: String? = nil, reason: String? = nil) {
        self.success = success
        self.message = message
        self.reason = reason
    }
}

/// What ``ViessmannClient/setFeature(_:to:on:)`` returns: the command's answer and the device,
/// updated with the new value when the command succeeded, unchanged when it did not.
public struct ViessmannSetResult: Sendable, Equatable {
    /// The command's answer.
    public var response: ViessmannCommandResponse
    /// The device to keep using.
    public var device: ViessmannDevice

    /// Creates a result.
    public init(response: ViessmannCommandResponse, device: ViessmannDevice) {
        self.response = response
        self.device = device
    }
}
