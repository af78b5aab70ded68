import AuthCore

/// A module named by an offer.
public struct BticinoPushModule: Sendable, Equatable {
    /// The module id.
    public var id: String
    /// The module type, when the frame gave objects.
    public var type: BticinoModuleType?
    /// The module name, when the frame gave objects.
    public var name: String?

    /// Creates a module reference.
    public init(id: String, type: BticinoModuleType? = nil, name: String? = nil) {
        self.id = id
        self.type = type
        self.name = name
    }
}
