import AuthCore

/// An RGB colour, each channel 0…255 (`st.color` `color`).
public struct UtecRGBColor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Red.
    public var red: UInt8
    /// Green.
    public var green: UInt8
    /// Blue.
    public var blue: UInt8

    enum CodingKeys: String, CodingKey {
        case red = "r"
        case green = "g"
        case blue = "b"
    }

    /// Creates a colour from channels that already fit.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Creates a colour, checking every channel.
    ///
    /// - Throws: ``UtecError`` `invalidArgument` when a channel is outside 0…255.
    public init(checkingRed red: Int, green: Int, blue: Int) throws {
        for (name, value) in [("red", red), ("green", green), ("blue", blue)] where !(0...255).contains(value) {
            throw UtecError(.invalidArgument, "colour channel \(name) must be 0...255, got \(value)")
        }
        self.init(red: UInt8(red), green: UInt8(green), blue: UInt8(blue))
    }

    /// Reads `{r,g,b}`; a missing channel is 0, a value outside 0…255 is clamped; `nil` when not an object.
    init?(json: JSONValue?) {
        guard let object = json?.objectValue else { return nil }
        func channel(_ key: String) -> UInt8 { UInt8(Swift.min(255, Swift.max(0, object[key]?.lenientInt ?? 0))) }
        self.init(red: channel("r"), green: channel("g"), blue: channel("b"))
    }

    /// `{"r":…, "g":…, "b":…}`.
    var json: JSONValue {
        ["r": .number(JSONNumber(Int(red))), "g": .number(JSONNumber(Int(green))), "b": .number(JSONNumber(Int(blue)))]
    }

    /// `rgb(r, g, b)`.
    public var description: String { "rgb(\(red), \(green), \(blue))" }
}
