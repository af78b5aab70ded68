import AuthCore

/// A discovered device's `deviceInfo`. Missing strings read as `""`; the serial number is optional.
public struct UtecDeviceInfo: Sendable, Equatable, Codable {
    /// The maker, for example `U-tec`.
    public var manufacturer: String
    /// The model.
    public var model: String
    /// The firmware version string (the vendor calls it `hwVersion`).
    public var hardwareVersion: String
    /// The serial number, when the vendor sends one.
    public var serialNumber: String?

    enum CodingKeys: String, CodingKey {
        case manufacturer
        case model
        case hardwareVersion = "hwVersion"
        case serialNumber
    }

    /// Creates device info.
    public init(
        manufacturer: String = "", model: String = "", hardwareVersion: String = "", serialNumber: String? = nil
    ) {
        self.manufacturer = manufacturer
        self.model = model
        self.hardwareVersion = hardwareVersion
        self.serialNumber = serialNumber
    }

    /// Decodes leniently: every member may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        manufacturer = try container.decodeIfPresent(String.self, forKey: .manufacturer) ?? ""
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        hardwareVersion = try container.decodeIfPresent(String.self, forKey: .hardwareVersion) ?? ""
        serialNumber = try container.decodeIfPresent(String.self, forKey: .serialNumber)
    }
}
