/// A module of a home's topology (`homesdata`): a bridge, an external unit, a lock, a light…
public struct BticinoModule: Sendable, Equatable, Codable {
    /// The module id: a MAC address for bridges, `<6 hex>-<4 hex>-<12 hex>` for bridged modules.
    public var id: String
    /// The module name; `Unknown Module` when the answer has none.
    public var name: String
    /// The module type; ``BticinoModuleType/unknown(_:)`` with `Unknown Type` when absent.
    public var type: BticinoModuleType
    /// When the module was set up (Unix seconds).
    public var setupDate: Int?
    /// The room it is in.
    public var roomID: String?
    /// The bridge this module hangs off; `nil` for bridges and stand-alone modules.
    public var bridgeID: String?
    /// Whether a bridge is reachable (bridges only; the status has it for every module).
    public var reachable: Bool?
    /// The modules a bridge carries.
    public var bridgedModuleIDs: [String]

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case type
        case setupDate = "setup_date"
        case roomID = "room_id"
        case bridgeID = "bridge"
        case reachable
        case bridgedModuleIDs = "modules_bridged"
    }

    /// Creates a module.
    public init(
        id: String, name: String = "Unknown Module", type: BticinoModuleType = .unknown("Unknown Type"),
        setupDate: Int? = nil, roomID: String? = nil, bridgeID: String? = nil, reachable: Bool? = nil,
        bridgedModuleIDs: [String] = []
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.setupDate = setupDate
        self.roomID = roomID
        self.bridgeID = bridgeID
        self.reachable = reachable
        self.bridgedModuleIDs = bridgedModuleIDs
    }
}
