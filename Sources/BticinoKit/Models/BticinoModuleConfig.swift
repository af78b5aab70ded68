import AuthCore

/// A module's configuration from `getconfigs` (pybticino 1.9.0): what homesdata and homestatus
/// do not carry, such as do-not-disturb and the professional studio settings.
public struct BticinoModuleConfig: Sendable, Equatable, Codable {
    /// The module id.
    public var id: String
    /// The module type.
    public var type: BticinoModuleType?
    /// When the configuration last changed (milliseconds since 1970), sent back with `setconfigs`.
    public var lastConfigsUpdate: Int?
    /// The do-not-disturb configuration, when the module has one.
    public var doNotDisturb: BticinoConfigObject?
    /// The professional studio configuration, when the module has one.
    public var professionalStudio: BticinoConfigObject?
    /// Every member of the module's entry, as sent (other configuration keys included).
    public var fields: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case id
        case type
        case lastConfigsUpdate = "last_configs_update"
        case doNotDisturb = "do_not_disturb"
        case professionalStudio = "professional_studio"
        case fields
    }

    /// Creates a configuration.
    public init(
        id: String, type: BticinoModuleType? = nil, lastConfigsUpdate: Int? = nil,
        doNotDisturb: BticinoConfigObject? = nil, professionalStudio: BticinoConfigObject? = nil,
        fields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.type = type
        self.lastConfigsUpdate = lastConfigsUpdate
        self.doNotDisturb = doNotDisturb
        self.professionalStudio = professionalStudio
        self.fields = fields
    }
}
