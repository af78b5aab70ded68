import AuthCore

/// A device's `category` as discovery reports it. Matched case-insensitively; values UtecKit does
/// not know (the original library crashed on them) are kept as ``unknown(_:)``.
public enum UtecDeviceCategory: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `SmartLock` (the vendor's examples also write `LOCK`).
    case smartLock
    /// `SmartSwitch`.
    case smartSwitch
    /// `SmartPlug`.
    case smartPlug
    /// `LIGHT`.
    case light
    /// Any other value, as received (`""` when discovery sent none).
    case unknown(String)

    static let table: [(String, UtecDeviceCategory)] = [
        ("SmartLock", .smartLock), ("LOCK", .smartLock), ("SmartSwitch", .smartSwitch),
        ("SmartPlug", .smartPlug), ("LIGHT", .light),
    ]

    /// Reads a category in any casing.
    public init(rawValue: String) {
        self = UtecCaseInsensitive.match(rawValue, in: UtecDeviceCategory.table) ?? .unknown(rawValue)
    }

    /// The vendor's spelling, or the unknown value as received.
    public var rawValue: String {
        switch self {
        case .smartLock: return "SmartLock"
        case .smartSwitch: return "SmartSwitch"
        case .smartPlug: return "SmartPlug"
        case .light: return "LIGHT"
        case .unknown(let value): return value
        }
    }

    /// The raw value.
    public var description: String { rawValue }

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
