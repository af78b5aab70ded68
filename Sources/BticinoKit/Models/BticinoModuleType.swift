/// A Netatmo/BTicino module type, as the `type` field and the `push_type` prefix name it.
///
/// Unknown types are kept as ``unknown(_:)`` with their text, never refused.
public enum BticinoModuleType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Classe 100X/300X Wi-Fi bridge and indoor unit (id is a MAC address); the usual event prefix.
    case bnc1
    /// Classe 300X bridge/indoor unit on newer installations (pybticino 1.9.0).
    case bnc3
    /// Classe 300X/300EOS internal panel acting as gateway.
    case bncx
    /// Legrand/BTicino EasyKit Wi-Fi bridge.
    case bdiy
    /// External unit: the door station with its camera.
    case bneu
    /// Door lock actuator (`bndl_doorlock`).
    case bndl
    /// Staircase light relay (`bnsl_staircase_light`); some installations wire a door to it.
    case bnsl
    /// MyHome server 1.
    case bnmh
    /// External unit variant (seen in the app).
    case bfio
    /// CCTV camera.
    case bntvcc
    /// Connected entrance panel.
    case bcepl
    /// Sent in the official device-type filter; meaning not documented.
    case bfii
    /// Sent in the official device-type filter; meaning not documented.
    case bpac
    /// Sent in the official device-type filter; meaning not documented.
    case bpvc
    /// Sent in the official device-type filter; meaning not documented.
    case bnhy
    /// Netatmo indoor camera.
    case naCamera
    /// Netatmo outdoor camera.
    case noc
    /// Netatmo video doorbell.
    case ndb
    /// Netatmo smoke alarm.
    case nsd
    /// Netatmo CO alarm.
    case nco
    /// Netatmo door lock.
    case ndl
    /// A type BticinoKit does not know, with its text.
    case unknown(String)

    private static let known: [(BticinoModuleType, String, String)] = [
        (.bnc1, "BNC1", "Classe 100X/300X bridge and indoor unit"),
        (.bnc3, "BNC3", "Classe 300X bridge and indoor unit (newer installations)"),
        (.bncx, "BNCX", "Classe 300X/300EOS internal panel (gateway)"),
        (.bdiy, "BDIY", "EasyKit Wi-Fi bridge"),
        (.bneu, "BNEU", "external unit (door station and camera)"),
        (.bndl, "BNDL", "door lock"),
        (.bnsl, "BNSL", "staircase light"),
        (.bnmh, "BNMH", "MyHome server"),
        (.bfio, "BFIO", "external unit variant"),
        (.bntvcc, "BNTVCC", "CCTV camera"),
        (.bcepl, "BCEPL", "connected entrance panel"),
        (.bfii, "BFII", "undocumented (device-type filter)"),
        (.bpac, "BPAC", "undocumented (device-type filter)"),
        (.bpvc, "BPVC", "undocumented (device-type filter)"),
        (.bnhy, "BNHY", "undocumented (device-type filter)"),
        (.naCamera, "NACamera", "Netatmo indoor camera"),
        (.noc, "NOC", "Netatmo outdoor camera"),
        (.ndb, "NDB", "Netatmo video doorbell"),
        (.nsd, "NSD", "Netatmo smoke alarm"),
        (.nco, "NCO", "Netatmo CO alarm"),
        (.ndl, "NDL", "Netatmo door lock"),
    ]

    /// The type for a wire value; unknown text gives ``unknown(_:)``.
    public init(rawValue: String) {
        self = Self.known.first { $0.1 == rawValue }?.0 ?? .unknown(rawValue)
    }

    /// The wire value, for example `BNDL`.
    public var rawValue: String {
        if case .unknown(let text) = self { return text }
        return Self.known.first { $0.0 == self }?.1 ?? ""
    }

    /// What the type is, in a few words; `unknown module type` for ``unknown(_:)``.
    public var meaning: String {
        Self.known.first { $0.0 == self }?.2 ?? "unknown module type"
    }

    /// Whether modules of this type are bridges (their id is a MAC address; they prefix push types).
    public var isBridge: Bool {
        [.bnc1, .bnc3, .bncx, .bdiy].contains(self)
    }

    /// The device-type filter callers may pass to `topology(deviceTypes:)`: the official app's 14
    /// types plus `BNC3` (without it, a home whose bridge is a `BNC3` shows no modules).
    public static let defaultFilter: [BticinoModuleType] = [
        .bnmh, .bncx, .bfii, .bpac, .bpvc, .bnc1, .bdiy, .bnhy, .naCamera, .noc, .ndb, .nsd, .nco, .ndl, .bnc3,
    ]

    /// The wire value.
    public var description: String { rawValue }

    /// Decodes the wire string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
