import AuthCore

/// A discovered device's `attributes`, kept whole (members UtecKit does not know are not lost),
/// with typed views of the ones it uses.
public struct UtecDeviceAttributes: Sendable, Equatable, Codable {
    /// Every member as received.
    public var values: [String: JSONValue]

    /// Creates attributes.
    public init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    /// `colorModel`, for example `RGB`.
    public var colorModel: String? { values["colorModel"]?.stringValue }
    /// `colorTemperatureRange`: the kelvin range the light accepts.
    public var colorTemperatureRange: UtecValueRange? { UtecValueRange(json: values["colorTemperatureRange"]) }
    /// `batteryLevelRange`: for locks 1…5.
    public var batteryLevelRange: UtecValueRange? { UtecValueRange(json: values["batteryLevelRange"]) }
    /// `switchType`, when sent.
    public var switchType: String? { values["switchType"]?.lenientString }

    /// Decodes an object (anything else reads as empty).
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        self.values = value.objectValue ?? [:]
    }

    /// Encodes the object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
