/// A room of a home, from `homesdata`.
public struct BticinoRoom: Sendable, Equatable, Codable {
    /// The room id.
    public var id: String
    /// The room name, if any.
    public var name: String?
    /// The room type, for example `lobby`.
    public var type: String?
    /// The modules in the room.
    public var moduleIDs: [String]

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case type
        case moduleIDs = "module_ids"
    }

    /// Creates a room.
    public init(id: String, name: String? = nil, type: String? = nil, moduleIDs: [String] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.moduleIDs = moduleIDs
    }
}
