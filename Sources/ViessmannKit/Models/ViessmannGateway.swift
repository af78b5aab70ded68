/// A gateway (E2, `GET /iot/v2/equipment/gateways`): the communication module of an installation.
public struct ViessmannGateway: Sendable, Equatable, Codable {
    /// The 16-digit serial.
    public var serial: String
    /// The firmware version.
    public var version: String
    /// `Online`/`Offline`; `""` when absent.
    public var status: String
    /// The installation it belongs to; the API sends a number, kept as text.
    public var installationID: String
    /// `gatewayType`, for example `VitoconnectOpto2`.
    public var gatewayType: String?
    /// `aggregatedStatus`.
    public var aggregatedStatus: String?
    /// `autoUpdate`.
    public var autoUpdate: Bool?
    /// `otaOngoing`.
    public var otaOngoing: Bool?
    /// `registeredAt`, as sent.
    public var registeredAt: String?
    /// `lastStatusChangedAt`, as sent.
    public var lastStatusChangedAt: String?

    enum CodingKeys: String, CodingKey {
        case serial
        case version
        case status
        case installationID = "installationId"
        case gatewayType
        case aggregatedStatus
        case autoUpdate
        case otaOngoing
        case registeredAt
        case lastStatusChangedAt
    }

    /// Creates a gateway.
    public init(
        serial: String, version: String, status: String, installationID: String, gatewayType: String? = nil,
        aggregatedStatus: String? = nil, autoUpdate: Bool? = nil, otaOngoing: Bool? = nil,
        registeredAt: String? = nil, lastStatusChangedAt: String? = nil
    ) {
        self.serial = serial
        self.version = version
        self.status = status
        self.installationID = installationID
        self.gatewayType = gatewayType
        self.aggregatedStatus = aggregatedStatus
        self.autoUpdate = autoUpdate
        self.otaOngoing = otaOngoing
        self.registeredAt = registeredAt
        self.lastStatusChangedAt = lastStatusChangedAt
    }
}
