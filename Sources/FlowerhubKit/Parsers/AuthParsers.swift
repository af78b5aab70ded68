import AuthCore

/// Reads login and refresh bodies.
enum AuthParsers {
    /// The login body; `nil` when it is not a JSON object. A missing `user` gives `user == nil`.
    static func loginResponse(_ json: JSONValue?) -> LoginResponse? {
        guard let object = json?.objectValue else { return nil }
        return LoginResponse(
            user: object["user"]?.objectValue.map(user),
            refreshTokenExpirationDate: Lenient.string(object["refreshTokenExpirationDate"])
        )
    }

    /// The user in a login or refresh body, in either shape: wrapped (`{"user": {...}}`) or flat
    /// (the user object itself, as the portal's REST documentation shows for the refresh).
    static func authenticatedUser(_ json: JSONValue?) -> User? {
        guard let object = json?.objectValue else { return nil }
        if let wrapped = object["user"]?.objectValue { return user(wrapped) }
        if object["assetOwnerId"] != nil { return user(object) }
        return nil
    }

    static func user(_ object: [String: JSONValue]) -> User {
        User(
            id: Lenient.int(object["id"]),
            email: Lenient.string(object["email"]),
            role: Lenient.int(object["role"]),
            name: Lenient.string(object["name"]),
            distributorId: Lenient.int(object["distributorId"]),
            installerId: Lenient.int(object["installerId"]),
            assetOwnerId: Lenient.int(object["assetOwnerId"])
        )
    }
}
