import Foundation

/// A Business Central date-time: ISO 8601 in UTC, with or without fractional seconds
/// (`2025-02-01T09:30:12.517Z`). BC's blank date-time (`0001-01-01T00:00:00Z`) decodes to `nil`.
public struct BCDateTime: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The instant.
    public let date: Date
    /// The text as received (re-encoded unchanged).
    public let text: String

    /// Creates a date-time from an instant.
    public init(_ date: Date) {
        self.date = date
        self.text = BCDateTime.format(date)
    }

    /// Reads ISO 8601 text; `nil` if it is not a date-time.
    public init?(_ text: String) {
        guard let date = BCDateTime.parse(text) else { return nil }
        self.date = date
        self.text = text
    }

    /// Whether this is BC's blank date-time (year 1).
    public var isBlank: Bool { text.hasPrefix("0001-01-01") }

    /// The text.
    public var description: String { text }

    /// Decodes ISO 8601 text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = BCDateTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an ISO 8601 date-time")
        }
        self = value
    }

    /// Encodes the text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    private static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
