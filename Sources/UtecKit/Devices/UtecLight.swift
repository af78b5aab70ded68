import AuthCore

/// A light's (or dimmer's) view of a ``UtecDevice``: on/off, brightness, colour temperature, colour.
public struct UtecLight: Sendable, Equatable {
    /// The brightness range `setLevel` accepts (0 would mean off, so it starts at 1).
    public static let brightnessRange: ClosedRange<Int> = 1...100
    /// The colour-temperature range assumed when the device does not report its own.
    public static let defaultColorTemperatureRange = UtecValueRange(min: 2000, max: 9000)

    /// The device.
    public var device: UtecDevice

    /// The light view of `device`, or `nil` when it is not a light.
    public init?(_ device: UtecDevice) {
        guard device.kind == .light else { return nil }
        self.device = device
    }

    /// Whether it is on; `false` when unknown.
    public var isOn: Bool { UtecSwitch.isOn(device.state) }

    /// `st.switchLevel` `level` (1…100), falling back to `st.brightness` `level`.
    public var brightness: Int? {
        (device.state?.value(.switchLevel, "level") ?? device.state?.value(.brightness, "level"))?.lenientInt
    }

    /// `st.colorTemperature` `temperature` in kelvin.
    public var colorTemperature: Int? { device.state?.value(.colorTemperature, "temperature")?.lenientInt }

    /// `st.color` `color`.
    public var color: UtecRGBColor? { UtecRGBColor(json: device.state?.value(.color, "color")) }

    /// Whether it can dim.
    public var supportsBrightness: Bool {
        device.hasCapability(.switchLevel) || device.hasCapability(.brightness)
    }
    /// Whether it takes a colour temperature.
    public var supportsColorTemperature: Bool { device.hasCapability(.colorTemperature) }
    /// Whether it takes a colour.
    public var supportsColor: Bool { device.hasCapability(.color) }

    /// The device's own `colorTemperatureRange`, or ``defaultColorTemperatureRange``.
    public var colorTemperatureRange: UtecValueRange {
        device.attributes.colorTemperatureRange ?? UtecLight.defaultColorTemperatureRange
    }
}
