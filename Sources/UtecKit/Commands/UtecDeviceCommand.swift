import AuthCore

/// One device command: `{"capability","name","arguments"?}`. `arguments` is left out when empty.
public struct UtecDeviceCommand: Sendable, Equatable, Codable {
    /// The capability, for example `st.lock`.
    public var capability: UtecCapability
    /// The command, for example `unlock`.
    public var name: String
    /// The arguments, if any.
    public var arguments: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case capability
        case name
        case arguments
    }

    /// Creates a command.
    public init(capability: UtecCapability, name: String, arguments: [String: JSONValue]? = nil) {
        self.capability = capability
        self.name = name
        self.arguments = arguments
    }

    /// Encodes, leaving out `arguments` when it is `nil` or empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(capability, forKey: .capability)
        try container.encode(name, forKey: .name)
        if let arguments, !arguments.isEmpty { try container.encode(arguments, forKey: .arguments) }
    }

    /// `st.lock` `lock`.
    public static let lock = UtecDeviceCommand(capability: .lock, name: "lock")
    /// `st.lock` `unlock`.
    public static let unlock = UtecDeviceCommand(capability: .lock, name: "unlock")
    /// `st.lock` `setMode {mode}`.
    public static func setLockMode(_ mode: UtecLockMode) -> UtecDeviceCommand {
        UtecDeviceCommand(capability: .lock, name: "setMode", arguments: ["mode": .number(JSONNumber(mode.rawValue))])
    }
    /// `st.switch` `on`.
    public static let turnOn = UtecDeviceCommand(capability: .switch, name: "on")
    /// `st.switch` `off`.
    public static let turnOff = UtecDeviceCommand(capability: .switch, name: "off")
    /// `st.switchLevel` `setLevel {level}`, the level clamped to 1…100.
    public static func setLevel(_ level: Int) -> UtecDeviceCommand {
        let clamped = min(UtecLight.brightnessRange.upperBound, max(UtecLight.brightnessRange.lowerBound, level))
        return UtecDeviceCommand(
            capability: .switchLevel, name: "setLevel", arguments: ["level": .number(JSONNumber(clamped))])
    }
    /// `st.colorTemperature` `temperature {value}` (unchecked; ``UtecClient/setColorTemperature(_:kelvin:)`` checks it).
    public static func setColorTemperature(_ kelvin: Int) -> UtecDeviceCommand {
        UtecDeviceCommand(
            capability: .colorTemperature, name: "temperature", arguments: ["value": .number(JSONNumber(kelvin))])
    }
    /// `st.color` `color {value:{r,g,b}}`.
    public static func setColor(_ color: UtecRGBColor) -> UtecDeviceCommand {
        UtecDeviceCommand(capability: .color, name: "color", arguments: ["value": color.json])
    }
}
