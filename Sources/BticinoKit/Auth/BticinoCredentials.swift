import AuthCore

/// The Netatmo account (e-mail and password) the password grant logs in with.
///
/// Its `description` and `dump()` show the username only.
public struct BticinoCredentials: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The account e-mail.
    public var username: String
    /// The account password.
    public var password: Secret

    /// Creates credentials.
    public init(username: String, password: Secret) {
        self.username = username
        self.password = password
    }

    /// `BticinoCredentials(username: …, password: <redacted>)`.
    public var description: String { "BticinoCredentials(username: \(username), password: \(Redactor.placeholder))" }

    /// The username only.
    public var customMirror: Mirror {
        Mirror(self, children: ["username": username], displayStyle: .struct)
    }
}
