/// A time-limited image URL (snapshot or vignette).
public struct BticinoMedia: Sendable, Equatable, Codable {
    /// The URL.
    public var url: String
    /// When the URL stops working (Unix seconds).
    public var expiresAt: Int?

    enum CodingKeys: String, CodingKey {
        case url
        case expiresAt = "expires_at"
    }

    /// Creates a media reference.
    public init(url: String, expiresAt: Int? = nil) {
        self.url = url
        self.expiresAt = expiresAt
    }
}
