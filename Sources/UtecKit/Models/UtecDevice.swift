import AuthCore

/// A device from discovery: its identity, what it is, what it can do, and its last known state.
///
/// The record is kept as U-Tec sent it (unknown categories and handle types included); the
/// typed views ``UtecLock``, ``UtecSwitch`` and ``UtecLight`` read it.
public struct UtecDevice: Sendable, Equatable, Codable, Identifiable {
    /// The opaque device id (in practice a MAC-like `AA:BB:CC:DD:EE:FF`).
    public var id: String
    /// The name the user gave it.
    public var name: String
    /// The `category`.
    public var category: UtecDeviceCategory
    /// The `handleType`.
    public var handleType: UtecHandleType
    /// `deviceInfo`.
    public var deviceInfo: UtecDeviceInfo
    /// `attributes`.
    public var attributes: UtecDeviceAttributes
    /// `customData`: opaque, echoed back with every query and command for this device.
    public var customData: JSONValue?
    /// The last known state (from a query or a notification), if any.
    public var state: UtecDeviceState?

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case category
        case handleType
        case deviceInfo
        case attributes
        case customData
        case capabilities
        case state
    }

    /// Creates a device.
    public init(
        id: String, name: String, category: UtecDeviceCategory, handleType: UtecHandleType,
        deviceInfo: UtecDeviceInfo = UtecDeviceInfo(), attributes: UtecDeviceAttributes = UtecDeviceAttributes(),
        customData: JSONValue? = nil, state: UtecDeviceState? = nil
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.handleType = handleType
        self.deviceInfo = deviceInfo
        self.attributes = attributes
        self.customData = customData
        self.state = state
    }

    /// Decodes the shape ``encode(to:)`` writes (a discovery record plus `state`); use
    /// ``UtecDiscoveryResult`` to read the vendor's discovery answer leniently.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        category = try container.decodeIfPresent(UtecDeviceCategory.self, forKey: .category) ?? .unknown("")
        handleType = try container.decode(UtecHandleType.self, forKey: .handleType)
        deviceInfo = try container.decodeIfPresent(UtecDeviceInfo.self, forKey: .deviceInfo) ?? UtecDeviceInfo()
        attributes =
            try container.decodeIfPresent(UtecDeviceAttributes.self, forKey: .attributes)
            ?? UtecDeviceAttributes()
        customData = try container.decodeIfPresent(JSONValue.self, forKey: .customData)
        state = try container.decodeIfPresent(UtecDeviceState.self, forKey: .state)
    }

    /// Encodes the record, its ``capabilities`` and its state.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(category, forKey: .category)
        try container.encode(handleType, forKey: .handleType)
        try container.encode(deviceInfo, forKey: .deviceInfo)
        try container.encode(attributes, forKey: .attributes)
        try container.encodeIfPresent(customData, forKey: .customData)
        try container.encode(capabilities.map(\.rawValue).sorted(), forKey: .capabilities)
        try container.encodeIfPresent(state, forKey: .state)
    }

    /// Which abstraction the device gets.
    public var kind: UtecDeviceKind { handleType.kind }

    /// What the device can do: the handle type's capabilities plus any its state reports.
    public var capabilities: Set<UtecCapability> {
        handleType.capabilities.union(state?.capabilities.subtracting([.deferredResponse]) ?? [])
    }

    /// Whether the device has `capability`.
    public func hasCapability(_ capability: UtecCapability) -> Bool { capabilities.contains(capability) }

    /// `st.healthCheck` `status`, case-insensitive; `nil` without state.
    public var health: UtecHealthStatus? {
        state?.value(.healthCheck, "status")?.stringValue.map(UtecHealthStatus.init(rawValue:))
    }

    /// Whether a state is known and the device reports itself online. Switches (which often do not
    /// report health) count as available as soon as any state is known.
    public var isAvailable: Bool {
        guard state != nil else { return false }
        if kind == .switch, health == nil { return true }
        return health == .online
    }

    /// This device with `update` merged into its state (see ``UtecDeviceState/merging(_:)``);
    /// an update for another id changes nothing.
    public func applying(_ update: UtecDeviceState) -> UtecDevice {
        guard update.deviceID == id else { return self }
        var copy = self
        copy.state = (state ?? UtecDeviceState(deviceID: id)).merging(update)
        return copy
    }
}
