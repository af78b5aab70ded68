/// A room's status from `homestatus`.
public struct BticinoRoomStatus: Sendable, Equatable, Codable {
    /// The room id.
    public var id: String
    /// The room name (often `null`).
    public var name: String?
    /// The thermostat set-point mode.
    public var thermSetpointMode: String?
    /// The thermostat set-point end time.
    public var thermSetpointEndTime: Int?

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case thermSetpointMode = "therm_setpoint_mode"
        case thermSetpointEndTime = "therm_setpoint_end_time"
    }

    /// Creates a room status.
    public init(id: String, name: String? = nil, thermSetpointMode: String? = nil, thermSetpointEndTime: Int? = nil) {
        self.id = id
        self.name = name
        self.thermSetpointMode = thermSetpointMode
        self.thermSetpointEndTime = thermSetpointEndTime
    }
}
