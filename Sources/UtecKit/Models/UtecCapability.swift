import AuthCore

/// A U-Tec capability (`st.lock`, `st.switchLevel`, …). Matched case-insensitively; sent in the
/// documented lower-camel form. Capabilities UtecKit does not know are kept as ``unknown(_:)``.
public enum UtecCapability: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `st.healthCheck`: `status` Online / Offline.
    case healthCheck
    /// `st.lock`: `lockState`, `lockMode`; commands `lock`, `unlock`, `setMode`.
    case lock
    /// `st.batteryLevel`: `level` 1…5.
    case batteryLevel
    /// `st.doorSensor`: `sensorState` Closed / Open.
    case doorSensor
    /// `st.lockUser`: lock user management.
    case lockUser
    /// `st.switch`: `switch` on / off; commands `on`, `off`.
    case `switch`
    /// `st.switchLevel`: `level` 1…100; command `setLevel {level}` (what real devices dim with).
    case switchLevel
    /// `st.brightness`: listed by the vendor, but real devices report and take brightness through ``switchLevel``.
    case brightness
    /// `st.color` (also read from the alias `st.colorControl`): `color` `{r,g,b}`; command `color {value}`.
    case color
    /// `st.colorTemperature`: `temperature` in kelvin; command `temperature {value}`.
    case colorTemperature
    /// `st.deferredResponse`: a command's acknowledgement, `seconds` until the result is known.
    case deferredResponse
    /// A capability UtecKit does not know, with its name as received.
    case unknown(String)

    static let table: [(String, UtecCapability)] = [
        ("st.healthCheck", .healthCheck), ("st.lock", .lock), ("st.batteryLevel", .batteryLevel),
        ("st.doorSensor", .doorSensor), ("st.lockUser", .lockUser), ("st.switch", .switch),
        ("st.switchLevel", .switchLevel), ("st.brightness", .brightness), ("st.color", .color),
        ("st.colorControl", .color), ("st.colorTemperature", .colorTemperature),
        ("st.deferredResponse", .deferredResponse),
    ]

    /// Reads a capability name in any casing.
    public init(rawValue: String) {
        self = UtecCaseInsensitive.match(rawValue, in: UtecCapability.table) ?? .unknown(rawValue)
    }

    /// The name as sent (`st.switchLevel`), or the unknown name as received.
    public var rawValue: String {
        switch self {
        case .healthCheck: return "st.healthCheck"
        case .lock: return "st.lock"
        case .batteryLevel: return "st.batteryLevel"
        case .doorSensor: return "st.doorSensor"
        case .lockUser: return "st.lockUser"
        case .switch: return "st.switch"
        case .switchLevel: return "st.switchLevel"
        case .brightness: return "st.brightness"
        case .color: return "st.color"
        case .colorTemperature: return "st.colorTemperature"
        case .deferredResponse: return "st.deferredResponse"
        case .unknown(let name): return name
        }
    }

    /// The name.
    public var description: String { rawValue }

    /// Decodes the name.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Equal when they name the same capability (unknown names compared ignoring case).
    public static func == (lhs: UtecCapability, rhs: UtecCapability) -> Bool {
        lhs.rawValue.lowercased() == rhs.rawValue.lowercased()
    }

    /// Hashes the lower-cased name.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue.lowercased())
    }
}
