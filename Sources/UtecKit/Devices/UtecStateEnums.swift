import AuthCore

/// `st.healthCheck` `status`.
public enum UtecHealthStatus: Sendable, Hashable, CustomStringConvertible {
    /// `Online` (any casing).
    case online
    /// `Offline` (any casing).
    case offline
    /// Anything else, as received.
    case unknown(String)

    /// Reads a status in any casing.
    public init(rawValue: String) {
        self =
            UtecCaseInsensitive.match(rawValue, in: [("Online", .online), ("Offline", .offline)]) ?? .unknown(rawValue)
    }

    /// `Online`, `Offline` or the raw value.
    public var description: String {
        switch self {
        case .online: return "Online"
        case .offline: return "Offline"
        case .unknown(let value): return value
        }
    }
}

/// `st.lock` `lockState`.
public enum UtecLockState: Sendable, Hashable, CustomStringConvertible {
    /// `Locked`.
    case locked
    /// `Unlocked`.
    case unlocked
    /// `Jammed`.
    case jammed
    /// `Unknown` or anything else, as received.
    case unknown(String)

    /// Reads a lock state in any casing.
    public init(rawValue: String) {
        self =
            UtecCaseInsensitive.match(
                rawValue, in: [("Locked", .locked), ("Unlocked", .unlocked), ("Jammed", .jammed)]) ?? .unknown(rawValue)
    }

    /// `Locked`, `Unlocked`, `Jammed` or the raw value.
    public var description: String {
        switch self {
        case .locked: return "Locked"
        case .unlocked: return "Unlocked"
        case .jammed: return "Jammed"
        case .unknown(let value): return value
        }
    }
}

/// `st.lock` `lockMode`: 0 normal, 1 passage, 2 locked (privacy).
public enum UtecLockMode: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 0: normal.
    case normal = 0
    /// 1: passage (stays unlocked).
    case passage = 1
    /// 2: locked (no one may unlock from outside).
    case locked = 2

    /// Reads the mode from a JSON integer; anything else (`3`, `"x"`, a string) is `nil`.
    init?(json: JSONValue?) {
        guard case .number(let number)? = json, let value = number.intValue else { return nil }
        self.init(rawValue: value)
    }

    /// `Normal`, `Passage` or `Locked`.
    public var description: String {
        switch self {
        case .normal: return "Normal"
        case .passage: return "Passage"
        case .locked: return "Locked"
        }
    }
}

/// `st.batteryLevel` `level`: a step from 1 to 5, not a percentage.
public enum UtecBatteryLevel: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 1.
    case criticallyLow = 1
    /// 2.
    case low = 2
    /// 3.
    case medium = 3
    /// 4.
    case high = 4
    /// 5.
    case full = 5

    /// Reads the level from a number (or numeric string); anything outside 1…5 is `nil` (unknown).
    init?(json: JSONValue?) {
        guard let value = json?.lenientInt else { return nil }
        self.init(rawValue: value)
    }

    /// `Critically Low`, `Low`, `Medium`, `High` or `Full`.
    public var description: String {
        switch self {
        case .criticallyLow: return "Critically Low"
        case .low: return "Low"
        case .medium: return "Medium"
        case .high: return "High"
        case .full: return "Full"
        }
    }

    /// An approximate percentage for displays that need one: 10, 30, 50, 70, 100.
    public var approximatePercentage: Int {
        switch self {
        case .criticallyLow: return 10
        case .low: return 30
        case .medium: return 50
        case .high: return 70
        case .full: return 100
        }
    }
}

/// `st.doorSensor` `sensorState`.
public enum UtecDoorState: Sendable, Hashable, CustomStringConvertible {
    /// `Closed`.
    case closed
    /// `Open`.
    case open
    /// `Unknown` or anything else, as received.
    case unknown(String)

    /// Reads a door state in any casing.
    public init(rawValue: String) {
        self = UtecCaseInsensitive.match(rawValue, in: [("Closed", .closed), ("Open", .open)]) ?? .unknown(rawValue)
    }

    /// `Closed`, `Open` or the raw value.
    public var description: String {
        switch self {
        case .closed: return "Closed"
        case .open: return "Open"
        case .unknown(let value): return value
        }
    }
}
