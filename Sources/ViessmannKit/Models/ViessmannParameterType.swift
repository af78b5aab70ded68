/// The type of a command parameter or property: `number`, `string`, `boolean`, `Schedule`, or any
/// other type the API sends, kept as ``unknown(_:)``.
public enum ViessmannParameterType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `number`.
    case number
    /// `string`.
    case string
    /// `boolean`.
    case boolean
    /// `Schedule`.
    case schedule
    /// `array`.
    case array
    /// `object`.
    case object
    /// A type ViessmannKit does not know, or none; numbers and strings of it are checked by their own type.
    case unknown(String)

    /// The type for the API's name.
    public init(rawValue: String) {
        switch rawValue {
        case "number": self = .number
        case "string": self = .string
        case "boolean": self = .boolean
        case "Schedule": self = .schedule
        case "array": self = .array
        case "object": self = .object
        default: self = .unknown(rawValue)
        }
    }

    /// The API's name.
    public var rawValue: String {
        switch self {
        case .number: return "number"
        case .string: return "string"
        case .boolean: return "boolean"
        case .schedule: return "Schedule"
        case .array: return "array"
        case .object: return "object"
        case .unknown(let name): return name
        }
    }

    /// The API's name.
    public var description: String { rawValue }

    /// Decodes the API's name.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the API's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
