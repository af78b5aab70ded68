/// The account's topology from `homesdata`: the user and every home with its rooms and modules.
public struct BticinoTopology: Sendable, Equatable, Codable {
    /// The user; `nil` when the answer has none.
    public var user: BticinoUser?
    /// The homes (homes without an id are skipped).
    public var homes: [BticinoHome]

    enum CodingKeys: String, CodingKey {
        case user
        case homes
    }

    /// Creates a topology.
    public init(user: BticinoUser? = nil, homes: [BticinoHome] = []) {
        self.user = user
        self.homes = homes
    }

    /// The home with `id`, if any.
    public func home(_ id: String) -> BticinoHome? {
        homes.first { $0.id == id }
    }
}
