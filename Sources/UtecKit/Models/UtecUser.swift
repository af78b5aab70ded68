import AuthCore

/// The signed-in user (`Uhome.User` / `Get`). Every member is optional; names are read from
/// `firstName`/`FirstName`/`first_name` (and the same for the last name).
public struct UtecUser: Sendable, Equatable, Codable {
    /// The user id.
    public var id: String?
    /// The first name.
    public var firstName: String?
    /// The last name.
    public var lastName: String?

    enum CodingKeys: String, CodingKey {
        case id
        case firstName
        case lastName
    }

    /// Creates a user.
    public init(id: String? = nil, firstName: String? = nil, lastName: String? = nil) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
    }

    /// Reads `payload.user` leniently.
    init(json: JSONValue?) {
        let object = json?.objectValue ?? [:]
        func field(_ names: String...) -> String? {
            for name in names {
                if let value = object.first(where: { UtecCaseInsensitive.equal($0.key, name) })?.value.lenientString {
                    return value
                }
            }
            return nil
        }
        self.init(
            id: field("id"), firstName: field("firstName", "first_name"), lastName: field("lastName", "last_name"))
    }
}
