import AuthCore
/// One device command: `{"capability","name","arguments"?}`. `arguments` is left out when empty.
public struct UtecCommand: Sendable, Equatable, Codable {
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
    public static let lock = UtecCommand(capability: .lock, name: "lock")
    /// `st.lock` `unlock`.
    public static let unlock = UtecCommand(capability: .lock, name: "unlock")
    /// `st.lock` `setMode {mode}`.
    public static func setLockMode(_ mode: UtecLockMode) -> UtecCommand {
        UtecCommand(capability: .lock, name: "setMode", arguments: ["mode": .number(JSONNumber(mode.rawValue))])
    }
    /// `st.switch` `on`.
    public static let turnOn = UtecCommand(capability: .switch, name: "on")
    /// `st.switch` `off`.
    public static let turnOff = UtecCommand(capability: .switch, name: "off")
    /// `st.switchLevel` `setLevel {level}`, the level clamped to 1…100.
    public static func setLevel(_ level: Int) -> UtecCommand {
        let clamped = min(UtecLight.brightnessRange.upperBound, max(UtecLight.brightnessRange.lowerBound, level))
        return UtecCommand(capability: .switchLevel, name: "setLevel", arguments: ["level": .number(JSONNumber(clamped))])
    }
    /// `st.colorTemperature` `temperature {value}` (unchecked; ``UtecClient/setColorTemperature(_:kelvin:)`` checks it).
    public static func setColorTemperature(_ kelvin: Int) -> UtecCommand {
        UtecCommand(capability: .colorTemperature, name: "temperature", arguments: ["value": .number(JSONNumber(kelvin))])
    }
    /// `st.color` `color {value:{r,g,b}}`.
    public static func setColor(_ color: UtecRGBColor) -> UtecCommand {
        UtecCommand(capability: .color, name: "color", arguments: ["value": color.json])
    }
}
