import AuthCore

/// One flat feature value: what the API's nested feature properties flatten into.
///
/// A property `value` keeps the API feature's name (`heating.sensors.temperature.outside`); any
/// other property `k` becomes `<feature>.<k>` (`heating.circuits.0.heating.curve.slope`). History
/// and schedule features stay one value holding the whole properties object. See
/// ``ViessmannFeatureFlattener``.
public struct ViessmannFeature: Sendable, Equatable, Codable {
    /// The flat name.
    public var name: String
    /// The value as sent: a number, string, boolean, array or object.
    public var value: JSONValue
    /// The unit as sent (`celsius`, `kilowattHour`, `""`…); `nil` when there is none.
    public var unit: ViessmannUnit?
    /// `isEnabled` of the API feature.
    public var isEnabled: Bool
    /// `isReady` of the API feature.
    public var isReady: Bool
    /// How to write it; `nil` for a read-only value.
    public var control: ViessmannFeatureControl?
    /// The API feature it came from (`heating.circuits.0.heating.curve` for `….curve.slope`).
    public var apiFeatureName: String

    enum CodingKeys: String, CodingKey {
        case name
        case value
        case unit
        case isEnabled
        case isReady
        case control
        case apiFeatureName
    }

    /// Creates a feature.
    public init(
        name: String, value: JSONValue, unit: ViessmannUnit? = nil, isEnabled: Bool = true, isReady: Bool = true,
        control: ViessmannFeatureControl? = nil, apiFeatureName: String? = nil
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.isEnabled = isEnabled
        self.isReady = isReady
        self.control = control
        self.apiFeatureName = apiFeatureName ?? name
    }

    /// Whether a command writes it.
    public var isWritable: Bool { control != nil }

    /// Whether it is enabled and ready.
    public var isAvailable: Bool { isEnabled && isReady }

    /// The value as a `Double`, when it is a number.
    public var doubleValue: Double? { value.doubleValue }

    /// This feature with another value (unit, control and the rest unchanged).
    public func with(value: JSONValue) -> ViessmannFeature {
        var copy = self
        copy.value = value
        return copy
    }
}
