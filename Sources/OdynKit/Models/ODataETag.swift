/// An OData entity tag (`@odata.etag`) for `If-Match`: sent back byte for byte (weak tags keep
/// their `W/` prefix and quotes).
public struct ODataETag: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The tag exactly as the server sent it, or `*`.
    public let value: String

    /// A tag as received in `@odata.etag` or an `ETag` header.
    public init(_ value: String) {
        self.value = value
    }

    /// A tag written as a literal.
    public init(stringLiteral value: String) {
        self.value = value
    }

    /// `*`: apply the change whatever the current version (skips the concurrency check).
    public static let any = ODataETag("*")

    /// Whether this is `*`.
    public var isAny: Bool { value == "*" }

    /// The tag.
    public var description: String { value }

    /// Decodes a tag from a JSON string.
    public init(from decoder: any Decoder) throws {
        self.value = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the tag as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
