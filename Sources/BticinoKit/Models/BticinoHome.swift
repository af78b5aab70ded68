/// A home with its rooms and modules (`homesdata`). A home without intercom hardware has no modules.
public struct BticinoHome: Sendable, Equatable, Codable {
    /// The home id.
    public var id: String
    /// The home name; `Unknown Home` when the answer has none.
    public var name: String
    /// The home's time zone (for example `Europe/Rome`), sent with `setstate`.
    public var timezone: String?
    /// The country code.
    public var country: String?
    /// The city.
    public var city: String?
    /// The rooms.
    public var rooms: [BticinoRoom]
    /// The modules; empty for homes without intercom hardware.
    public var modules: [BticinoModule]

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case timezone
        case country
        case city
        case rooms
        case modules
    }

    /// Creates a home.
    public init(
        id: String, name: String = "Unknown Home", timezone: String? = nil, country: String? = nil,
        city: String? = nil, rooms: [BticinoRoom] = [], modules: [BticinoModule] = []
    ) {
        self.id = id
        self.name = name
        self.timezone = timezone
        self.country = country
        self.city = city
        self.rooms = rooms
        self.modules = modules
    }

    /// The module with `id`, if the home has it.
    public func module(_ id: String) -> BticinoModule? {
        modules.first { $0.id == id }
    }

    /// The bridge `module` hangs off (its `bridge` field, or the bridge listing it), if any.
    public func bridge(of module: BticinoModule) -> BticinoModule? {
        if let bridgeID = module.bridgeID { return self.module(bridgeID) }
        return modules.first { $0.bridgedModuleIDs.contains(module.id) }
    }

    /// The modules of `type`.
    public func modules(ofType type: BticinoModuleType) -> [BticinoModule] {
        modules.filter { $0.type == type }
    }
}
