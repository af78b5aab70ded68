import AuthCore

/// One namespace/name pair of the action API.
public struct UtecOperation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The namespace, for example `Uhome.Device`.
    public var namespace: String
    /// The operation, for example `Discovery`.
    public var name: String

    enum CodingKeys: String, CodingKey {
        case namespace
        case name
    }

    /// Creates a pair.
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// `Uhome.Device` / `Discovery`: list the account's devices.
    public static let discovery = UtecOperation(namespace: "Uhome.Device", name: "Discovery")
    /// `Uhome.Device` / `Query`: the states of one or more devices.
    public static let query = UtecOperation(namespace: "Uhome.Device", name: "Query")
    /// `Uhome.Device` / `Command`: send commands to devices.
    public static let command = UtecOperation(namespace: "Uhome.Device", name: "Command")
    /// `Uhome.User` / `Get`: the signed-in user.
    public static let userGet = UtecOperation(namespace: "Uhome.User", name: "Get")
    /// `Uhome.User` / `Logout`: end the session.
    public static let userLogout = UtecOperation(namespace: "Uhome.User", name: "Logout")
    /// `Uhome.Configure` / `Set`: register the notification (webhook) URL and secret.
    public static let configureSet = UtecOperation(namespace: "Uhome.Configure", name: "Set")
    /// `Uhome.Configure` / `Query`: read the configuration back (undocumented; may not exist).
    public static let configureQuery = UtecOperation(namespace: "Uhome.Configure", name: "Query")
    /// `Uhome.Notification` / `DeviceState` (inbound only): states changed.
    public static let deviceState = UtecOperation(namespace: "Uhome.Notification", name: "DeviceState")
    /// `Uhome.Notification` / `DeviceSync` (inbound only): devices changed; discover again.
    public static let deviceSync = UtecOperation(namespace: "Uhome.Notification", name: "DeviceSync")
    /// `Uhome.Notification` / `DeviceDelete` (inbound only): devices were removed.
    public static let deviceDelete = UtecOperation(namespace: "Uhome.Notification", name: "DeviceDelete")

    /// Every pair the client sends.
    public static let outbound: [UtecOperation] = [
        .discovery, .query, .command, .userGet, .userLogout, .configureSet, .configureQuery,
    ]

    /// Whether repeating the request is harmless (reads), so the pipeline may retry it.
    public var isIdempotent: Bool {
        [.discovery, .query, .userGet, .configureQuery].contains(self)
    }

    /// Equal ignoring case (the vendor is inconsistent).
    public static func == (lhs: UtecOperation, rhs: UtecOperation) -> Bool {
        UtecCaseInsensitive.equal(lhs.namespace, rhs.namespace) && UtecCaseInsensitive.equal(lhs.name, rhs.name)
    }

    /// Hashes the lower-cased names.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(namespace.lowercased())
        hasher.combine(name.lowercased())
    }

    /// `namespace/name`.
    public var description: String { "\(namespace)/\(name)" }
}
