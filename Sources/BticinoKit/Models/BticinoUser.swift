/// The account's user, from `homesdata`'s `body.user` (crypto blobs are ignored).
public struct BticinoUser: Sendable, Equatable, Codable {
    /// The account e-mail; `nil` when absent.
    public var email: String?
    /// The user id.
    public var id: String?
    /// The language, for example `en`.
    public var language: String?
    /// The locale, for example `en-GB`.
    public var locale: String?
    /// The country code.
    public var country: String?

    enum CodingKeys: String, CodingKey {
        case email
        case id
        case language
        case locale
        case country
    }

    /// Creates a user.
    public init(
        email: String? = nil, id: String? = nil, language: String? = nil, locale: String? = nil, country: String? = nil
    ) {
        self.email = email
        self.id = id
        self.language = language
        self.locale = locale
        self.country = country
    }
}
