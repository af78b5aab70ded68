/// The portal user, as sent by `POST /auth/login` (inside `user`) and `GET /auth/refresh-token`.
public struct FlowerhubUser: Sendable, Equatable, Codable {
    /// The user id.
    public var id: Int?
    /// The e-mail address used to sign in.
    public var email: String?
    /// The portal role number.
    public var role: Int?
    /// The display name.
    public var name: String?
    /// The distributor the user belongs to, if any.
    public var distributorId: Int?
    /// The installer the user belongs to, if any.
    public var installerId: Int?
    /// The asset owner the user acts for; the id every owner endpoint needs.
    public var assetOwnerId: Int?

    enum CodingKeys: String, CodingKey {
        case id, email, role, name, distributorId, installerId, assetOwnerId
    }

    /// Creates a user.
    public init(
        id: Int? = nil, email: String? = nil, role: Int? = nil, name: String? = nil,
        distributorId: Int? = nil, installerId: Int? = nil, assetOwnerId: Int? = nil
    ) {
        self.id = id
        self.email = email
        self.role = role
        self.name = name
        self.distributorId = distributorId
        self.installerId = installerId
        self.assetOwnerId = assetOwnerId
    }
}

/// The body of a successful login (also used for the refresh body).
public struct FlowerhubLoginResponse: Sendable, Equatable, Codable {
    /// The signed-in user; `nil` when the body carries none.
    public var user: FlowerhubUser?
    /// When the refresh cookie expires (ISO-8601 text, kept as sent).
    public var refreshTokenExpirationDate: String?

    enum CodingKeys: String, CodingKey {
        case user, refreshTokenExpirationDate
    }

    /// Creates a login response.
    public init(user: FlowerhubUser?, refreshTokenExpirationDate: String?) {
        self.user = user
        self.refreshTokenExpirationDate = refreshTokenExpirationDate
    }
}
