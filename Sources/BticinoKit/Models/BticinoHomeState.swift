/// A home's topology merged with its status.
public struct BticinoHomeState: Sendable, Equatable {
    /// The home from the topology.
    public var home: BticinoHome
    /// Every module of the home with its status.
    public var modules: [BticinoModuleState]
    /// The rooms' status.
    public var rooms: [BticinoRoomStatus]

    /// Merges `status` onto `home`'s modules by id.
    public init(home: BticinoHome, status: BticinoHomeStatus) {
        self.home = home
        self.modules = home.modules.map { module in
            BticinoModuleState(module: module, status: status.module(module.id))
        }
        self.rooms = status.rooms
    }

    /// The merged module `id`, if the home has it.
    public func module(_ id: String) -> BticinoModuleState? {
        modules.first { $0.id == id }
    }
}
