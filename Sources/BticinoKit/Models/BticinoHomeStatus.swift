/// A home's live status from `homestatus`: one entry per module and room.
public struct BticinoHomeStatus: Sendable, Equatable, Codable {
    /// The home id.
    public var homeID: String
    /// The modules' status.
    public var modules: [BticinoModuleStatus]
    /// The rooms' status.
    public var rooms: [BticinoRoomStatus]

    enum CodingKeys: String, CodingKey {
        case homeID = "id"
        case modules
        case rooms
    }

    /// Creates a status.
    public init(homeID: String, modules: [BticinoModuleStatus] = [], rooms: [BticinoRoomStatus] = []) {
        self.homeID = homeID
        self.modules = modules
        self.rooms = rooms
    }

    /// The status of module `id`, if reported.
    public func module(_ id: String) -> BticinoModuleStatus? {
        modules.first { $0.id == id }
    }
}
