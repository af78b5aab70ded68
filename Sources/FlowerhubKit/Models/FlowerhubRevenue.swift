/// The asset's revenue figures (`GET /asset/{id}/revenue`).
public struct FlowerhubRevenue: Sendable, Equatable, Codable {
    /// The revenue record id.
    public var id: Int
    /// The minimum available power in kW.
    public var minAvailablePower: Double?
    /// The compensation amount.
    public var compensation: Double?
    /// The compensation per kW.
    public var compensationPerKW: Double?

    enum CodingKeys: String, CodingKey {
        case id, minAvailablePower, compensation, compensationPerKW
    }

    /// Creates revenue figures.
    public init(
        id: Int, minAvailablePower: Double? = nil, compensation: Double? = nil, compensationPerKW: Double? = nil
    ) {
        self.id = id
        self.minAvailablePower = minAvailablePower
        self.compensation = compensation
        self.compensationPerKW = compensationPerKW
    }
}
