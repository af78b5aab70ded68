import AuthCore

/// A device's `handleType`: the function set it speaks, which decides its kind and the
/// capabilities UtecKit assumes. Matched case-insensitively; unknown types are kept.
public enum UtecHandleType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `utec-lock`.
    case lock
    /// `utec-lock-sensor`: a lock with a door sensor.
    case lockSensor
    /// `utec-dimmer` (dimmer switches too).
    case dimmer
    /// `utec-light-rgbaw-br`: a colour light.
    case lightRGBAWBR
    /// `utec-bulb-color-rgbw`: a colour bulb (in the vendor's documents).
    case bulbColorRGBW
    /// `utec-switch`.
    case `switch`
    /// Any other value, as received.
    case unknown(String)

    static let table: [(String, UtecHandleType)] = [
        ("utec-lock", .lock), ("utec-lock-sensor", .lockSensor), ("utec-dimmer", .dimmer),
        ("utec-light-rgbaw-br", .lightRGBAWBR), ("utec-bulb-color-rgbw", .bulbColorRGBW), ("utec-switch", .switch),
    ]

    /// Reads a handle type in any casing.
    public init(rawValue: String) {
        self = UtecCaseInsensitive.match(rawValue, in: UtecHandleType.table) ?? .unknown(rawValue)
    }

    /// The vendor's spelling, or the unknown value as received.
    public var rawValue: String {
        if case .unknown(let value) = self { return value }
        return UtecHandleType.table.first { $0.1 == self }?.0 ?? ""
    }

    /// The raw value.
    public var description: String { rawValue }

    /// Which abstraction the device gets: a name containing `lock` is a lock; `dimmer`, `light` or
    /// `bulb` a light; `switch` a switch; anything else is unsupported (but kept).
    public var kind: UtecDeviceKind {
        let name = rawValue.lowercased()
        if name.contains("lock") { return .lock }
        if name.contains("dimmer") || name.contains("light") || name.contains("bulb") { return .light }
        if name.contains("switch") { return .switch }
        return .unsupported
    }

    /// The capabilities a device of this type has (the vendor does not list them). An unknown type
    /// classed as a lock, light or switch (see ``kind``) gets the base set of that kind, so its
    /// commands are not refused; an unsupported one gets none.
    public var capabilities: Set<UtecCapability> {
        switch self {
        case .lock: return [.lock, .batteryLevel, .lockUser, .healthCheck]
        case .lockSensor: return [.lock, .batteryLevel, .doorSensor, .healthCheck]
        case .dimmer: return [.switch, .switchLevel, .brightness, .healthCheck]
        case .lightRGBAWBR, .bulbColorRGBW:
            return [.switch, .switchLevel, .brightness, .color, .colorTemperature, .healthCheck]
        case .switch: return [.switch, .healthCheck]
        case .unknown:
            switch kind {
            case .lock: return [.lock, .batteryLevel, .healthCheck]
            case .light: return [.switch, .switchLevel, .brightness, .healthCheck]
            case .switch: return [.switch, .healthCheck]
            case .unsupported: return []
            }
        }
    }

    /// Decodes the raw value.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Which abstraction a device gets (see ``UtecHandleType/kind``).
public enum UtecDeviceKind: String, Sendable, Hashable, Codable {
    /// A lock: ``UtecLock``.
    case lock
    /// A switch or plug: ``UtecSwitch``.
    case `switch`
    /// A light or dimmer: ``UtecLight``.
    case light
    /// A handle type UtecKit has no abstraction for; the device is still listed.
    case unsupported
}
