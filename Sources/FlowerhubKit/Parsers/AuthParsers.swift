import AuthCore

/// Reads login and refresh bodies.
enum AuthParsers {
    /// The login body; `nil` when it is not a JSON object. A missing `user` gives `user == nil`;
    /// an `assetOwnerId` that is not a valid id (see ``JSONValue/positiveIdentifier``) gives `nil`.
    static func loginResponse(_ json: JSONValue?) -> FlowerhubLoginResponse? {
        guard let object = json?.objectValue else { return nil }
        return FlowerhubLoginResponse(
            user: object["user"]?.objectValue.map(user),
            refreshTokenExpirationDate: object["refreshTokenExpirationDate"]?.lenientString
        )
    }

    /// The body of a successful login, validated: a JSON object with a `user` object whose
    /// `assetOwnerId` is a valid id, `null` or absent (an account that acts for no owner).
    ///
    /// - Throws: "expected dict" for anything but an object (an HTML page, a list, no JSON),
    ///   "missing user" without a `user` object, or "user.assetOwnerId is not a positive integer".
    static func login(_ json: JSONValue?) throws(PayloadIssue) -> FlowerhubLoginResponse {
        let object = try PayloadShape.object(json, "login")
        guard let wrapped = object["user"]?.objectValue else {
            throw PayloadIssue("login: missing user (expected dict, got \(PayloadShape.kindName(object["user"])))")
        }
        _ = try ownerId(in: wrapped, "login")
        let expiry = object["refreshTokenExpirationDate"]?.lenientString
        return FlowerhubLoginResponse(user: user(wrapped), refreshTokenExpirationDate: expiry)
    }

    /// The owner id of a refresh body, wrapped or flat.
    ///
    /// - Throws: why the body names no usable owner id (not an object, no user, no or an invalid
    ///   `assetOwnerId`); the message never quotes the body.
    static func refreshedOwnerId(_ json: JSONValue?) throws(PayloadIssue) -> Int {
        let object = try PayloadShape.object(json, "refresh")
        let user: [String: JSONValue]
        if let wrapped = object["user"]?.objectValue {
            user = wrapped
        } else if object["assetOwnerId"] != nil {
            user = object
        } else {
            throw PayloadIssue("refresh: no user and no assetOwnerId")
        }
        guard let id = try ownerId(in: user, "refresh") else { throw PayloadIssue("refresh: assetOwnerId is null") }
        return id
    }

    /// The user in a login or refresh body, in either shape: wrapped (`{"user": {...}}`) or flat
    /// (the user object itself, as the portal's REST documentation shows for the refresh).
    static func authenticatedUser(_ json: JSONValue?) -> FlowerhubUser? {
        guard let object = json?.objectValue else { return nil }
        if let wrapped = object["user"]?.objectValue { return user(wrapped) }
        if object["assetOwnerId"] != nil { return user(object) }
        return nil
    }

    /// A user's `assetOwnerId`: `nil` when absent or `null`.
    ///
    /// - Throws: "user.assetOwnerId is not a positive integer" for anything else that is not a valid id.
    static func ownerId(in user: [String: JSONValue], _ what: String) throws(PayloadIssue) -> Int? {
        guard let raw = user["assetOwnerId"], !raw.isNull else { return nil }
        guard let id = raw.positiveIdentifier else {
            let kind = PayloadShape.kindName(raw)
            throw PayloadIssue("\(what): user.assetOwnerId is not a positive integer (got \(kind))")
        }
        return id
    }

    static func user(_ object: [String: JSONValue]) -> FlowerhubUser {
        FlowerhubUser(
            id: object["id"]?.lenientInt,
            email: object["email"]?.lenientString,
            role: object["role"]?.lenientInt,
            name: object["name"]?.lenientString,
            distributorId: object["distributorId"]?.lenientInt,
            installerId: object["installerId"]?.lenientInt,
            assetOwnerId: object["assetOwnerId"]?.positiveIdentifier
        )
    }
}
