/// A unit as the API names it. Units are free strings passed through without conversion; the
/// common ones are static members, anything else is kept as sent.
public struct ViessmannUnit: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The API's name, for example `celsius`; may be `""`.
    public let rawValue: String

    /// A unit by its API name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A unit by its API name.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Decodes the API's name.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the API's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The API's name.
    public var description: String { rawValue }

    /// `celsius`.
    public static let celsius = ViessmannUnit(rawValue: "celsius")
    /// `kelvin`.
    public static let kelvin = ViessmannUnit(rawValue: "kelvin")
    /// `percent`.
    public static let percent = ViessmannUnit(rawValue: "percent")
    /// `bar`.
    public static let bar = ViessmannUnit(rawValue: "bar")
    /// `kilowattHour`.
    public static let kilowattHour = ViessmannUnit(rawValue: "kilowattHour")
    /// `wattHour`.
    public static let wattHour = ViessmannUnit(rawValue: "wattHour")
    /// `watt`.
    public static let watt = ViessmannUnit(rawValue: "watt")
    /// `kilowatt`.
    public static let kilowatt = ViessmannUnit(rawValue: "kilowatt")
    /// `cubicMeter`.
    public static let cubicMeter = ViessmannUnit(rawValue: "cubicMeter")
    /// `liter`.
    public static let liter = ViessmannUnit(rawValue: "liter")
    /// `hour`.
    public static let hour = ViessmannUnit(rawValue: "hour")
    /// `minute`.
    public static let minute = ViessmannUnit(rawValue: "minute")
    /// `seconds`.
    public static let seconds = ViessmannUnit(rawValue: "seconds")
    /// `revolutionsPerSecond`.
    public static let revolutionsPerSecond = ViessmannUnit(rawValue: "revolutionsPerSecond")
    /// `""`: the API sent an empty unit.
    public static let none = ViessmannUnit(rawValue: "")
}
