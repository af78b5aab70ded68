/// A string that must never be printed: a password, token, client secret or similar.
///
/// `description`, `debugDescription` and `dump` show `<redacted>`, so a `Secret` stored in
/// a configuration or captured in an error cannot leak through string interpolation or
/// logging. Read the value explicitly with ``revealed``.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByStringLiteral
{
    /// The secret value. Every read of it is deliberate.
    public let revealed: String

    /// Wraps a secret value.
    public init(_ value: String) {
        self.revealed = value
    }

    /// Wraps a secret written as a literal (tests and examples).
    public init(stringLiteral value: String) {
        self.revealed = value
    }

    /// Whether the secret is the empty string.
    public var isEmpty: Bool { revealed.isEmpty }

    /// Always `<redacted>`.
    public var description: String { Redactor.placeholder }
    /// Always `<redacted>`.
    public var debugDescription: String { Redactor.placeholder }
    /// Hides the value from `dump` and mirrors.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension Secret: Codable {
    /// Decodes a secret from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        self.revealed = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the secret as a plain JSON string (for token files the host chose to write).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(revealed)
    }
}
