import AuthCore

/// A `{min, max, step}` range from a device's attributes (colour temperature, battery level).
public struct UtecValueRange: Sendable, Equatable, Codable {
    /// The smallest value.
    public var min: Int
    /// The largest value.
    public var max: Int
    /// The step between values; `1` when not given.
    public var step: Int

    enum CodingKeys: String, CodingKey {
        case min
        case max
        case step
    }

    /// Creates a range.
    public init(min: Int, max: Int, step: Int = 1) {
        self.min = min
        self.max = max
        self.step = step
    }

    /// Whether `value` lies within the range.
    public func contains(_ value: Int) -> Bool { value >= min && value <= max }

    /// Reads `{min, max, step?}` with numbers or numeric strings; `nil` when `min` or `max` is
    /// missing or `min > max`.
    init?(json: JSONValue?) {
        guard let min = json?["min"]?.lenientInt, let max = json?["max"]?.lenientInt, min <= max else { return nil }
        self.init(min: min, max: max, step: json?["step"]?.lenientInt.flatMap { $0 > 0 ? $0 : nil } ?? 1)
    }
}
