import AuthCore

/// A STUN or TURN server from the TURN credentials endpoint, ready for a WebRTC peer connection.
///
/// The credential is a `Secret`: it never shows in `description` or `dump()`.
public struct BticinoICEServer: Sendable, Equatable, Codable {
    /// The server URLs (`turn:…`, `stun:…`); a legacy single `url` is read into this list.
    public var urls: [String]
    /// The TURN username.
    public var username: String?
    /// The TURN credential.
    public var credential: Secret?
    /// The credential type, for example `password`.
    public var credentialType: String?

    enum CodingKeys: String, CodingKey {
        case urls
        case username
        case credential
        case credentialType
    }

    /// Creates a server entry.
    public init(urls: [String], username: String? = nil, credential: Secret? = nil, credentialType: String? = nil) {
        self.urls = urls
        self.username = username
        self.credential = credential
        self.credentialType = credentialType
    }
}
