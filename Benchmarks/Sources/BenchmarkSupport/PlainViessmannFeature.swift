import Foundation

/// The Viessmann features payload (`{"data":[feature, …]}`) as plain synthesized `Codable`
/// structs: the baseline ViessmannKit's parse-and-flatten is measured against.
public struct PlainFeaturePage: Decodable, Sendable {
    /// The features.
    public let data: [PlainFeature]
}

/// One API feature, every member the API sends, decoded by `JSONDecoder` with no flattening.
public struct PlainFeature: Decodable, Sendable {
    /// The dotted name.
    public let feature: String
    /// Enabled.
    public let isEnabled: Bool
    /// Ready.
    public let isReady: Bool
    /// The gateway serial.
    public let gatewayId: String
    /// The device id.
    public let deviceId: String
    /// When it was read.
    public let timestamp: String
    /// Its URI.
    public let uri: String
    /// The API version.
    public let apiVersion: Int
    /// The properties.
    public let properties: [String: PlainProperty]
    /// The commands.
    public let commands: [String: PlainCommand]
}

/// A property: `{"type","value","unit"}`.
public struct PlainProperty: Decodable, Sendable {
    /// The type.
    public let type: String
    /// The unit.
    public let unit: String?
    /// The value.
    public let value: PlainValue
}

/// A command.
public struct PlainCommand: Decodable, Sendable {
    /// The name.
    public let name: String
    /// The URI.
    public let uri: String
    /// Executable now.
    public let isExecutable: Bool
    /// The parameters.
    public let params: [String: PlainParameter]
}

/// A command parameter.
public struct PlainParameter: Decodable, Sendable {
    /// The type.
    public let type: String
    /// Required.
    public let required: Bool
    /// The constraints.
    public let constraints: [String: PlainValue]
}

/// Any JSON value, decoded the usual way: try each kind in turn.
public indirect enum PlainValue: Decodable, Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case array([PlainValue])
    case object([String: PlainValue])
    case null

    /// Decodes any value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([PlainValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: PlainValue].self))
        }
    }
}
