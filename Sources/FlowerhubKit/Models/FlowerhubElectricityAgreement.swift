/// One side (consumption or production) of an electricity agreement.
public struct FlowerhubAgreementState: Sendable, Equatable, Codable {
    /// The state category, for example `"Active"`.
    public var stateCategory: String?
    /// The state id.
    public var stateId: Int?
    /// The grid site id.
    public var siteId: Int?
    /// The start date (ISO-8601 text, kept as sent).
    public var startDate: String?
    /// The termination date (ISO-8601 text), `nil` while the agreement runs.
    public var terminationDate: String?

    enum CodingKeys: String, CodingKey {
        case stateCategory, stateId, siteId, startDate, terminationDate
    }

    /// Creates an agreement state.
    public init(
        stateCategory: String? = nil, stateId: Int? = nil, siteId: Int? = nil, startDate: String? = nil,
        terminationDate: String? = nil
    ) {
        self.stateCategory = stateCategory
        self.stateId = stateId
        self.siteId = siteId
        self.startDate = startDate
        self.terminationDate = terminationDate
    }
}

/// The electricity agreement of an asset owner (`GET /asset-owner/{id}/electricity-agreement`).
public struct FlowerhubElectricityAgreement: Sendable, Equatable, Codable {
    /// The consumption agreement, if any.
    public var consumption: FlowerhubAgreementState?
    /// The production agreement, if any.
    public var production: FlowerhubAgreementState?

    enum CodingKeys: String, CodingKey {
        case consumption, production
    }

    /// Creates an agreement.
    public init(consumption: FlowerhubAgreementState?, production: FlowerhubAgreementState?) {
        self.consumption = consumption
        self.production = production
    }
}
