/// A module's live status from `homestatus`.
///
/// Every field but the id is optional: the cloud leaves out what a module type does not have
/// (the real capture had no `lock` or `status`).
public struct BticinoModuleStatus: Sendable, Equatable, Codable {
    /// The module id.
    public var id: String
    /// The module type.
    public var type: BticinoModuleType?
    /// The bridge the module hangs off.
    public var bridgeID: String?
    /// `<TYPE>:<subtype>`, for example `BNDL:bndl_doorlock`.
    public var variant: String?
    /// Whether the cloud can reach the module.
    public var reachable: Bool?
    /// Whether a call is in progress (bridges).
    public var busy: Bool?
    /// Whether the module is configured.
    public var configured: Bool?
    /// The firmware name, for example `2.03.01`.
    public var firmwareName: String?
    /// The firmware revision number.
    public var firmwareRevision: Int?
    /// The Wi-Fi signal strength (positive; shown as −RSSI).
    public var wifiStrength: Int?
    /// The connection type, for example `wifi`.
    public var connection: String?
    /// The local IPv4 address.
    public var localIPv4: String?
    /// Seconds since the module started.
    public var uptime: Int?
    /// Whether the module's own websocket is up.
    public var websocketConnected: Bool?
    /// When the configuration last changed (Unix seconds).
    public var lastConfigsUpdate: Int?
    /// When a user last interacted with the module (Unix seconds).
    public var lastUserInteraction: Int?
    /// When the module was last seen (Unix seconds).
    public var lastSeen: Int?
    /// The lock state of a door lock (`true` locked), when reported.
    public var lock: Bool?
    /// The light state of a staircase light (`on`/`off`), when reported.
    public var status: String?
    /// The appliance type, for example `dots_2`.
    public var applianceType: String?

    enum CodingKeys: String, CodingKey {
        case id
        case type
        case bridgeID = "bridge"
        case variant
        case reachable
        case busy
        case configured
        case firmwareName = "firmware_name"
        case firmwareRevision = "firmware_revision"
        case wifiStrength = "wifi_strength"
        case connection
        case localIPv4 = "local_ipv4"
        case uptime
        case websocketConnected = "websocket_connected"
        case lastConfigsUpdate = "last_configs_update"
        case lastUserInteraction = "last_user_interaction"
        case lastSeen = "last_seen"
        case lock
        case status
        case applianceType = "appliance_type"
    }

    /// Creates a status with only an id.
    public init(id: String) {
        self.id = id
    }

    /// The part of ``variant`` after the first `:`, for example `bndl_doorlock`.
    public var subtype: String? {
        guard let variant, let colon = variant.firstIndex(of: ":") else { return nil }
        return String(variant[variant.index(after: colon)...])
    }
}
