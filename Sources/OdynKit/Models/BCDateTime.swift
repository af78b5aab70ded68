import AuthCore
import Foundation

/// A Business Central date-time: RFC 3339 (ISO 8601) in UTC, with or without fractional seconds
/// (`2025-02-01T09:30:12.517Z`). BC's blank date-time (`0001-01-01T00:00:00Z`) decodes to `nil`.
///
/// The text is read with AuthCore's `RFC3339` reader: strictly (a day that does not exist, an
/// hour of 24 or text after the offset is refused), in the proleptic Gregorian calendar, and
/// without creating a formatter per value.
public struct BCDateTime: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The most fractional digits written for an instant: Business Central keeps date-times to 100 ns.
    static let maximumFractionDigits = 7

    /// The instant.
    public let date: Date
    /// The text as received (re-encoded unchanged).
    public let text: String

    /// Creates a date-time from an instant; its text is UTC with the shortest fraction of at most
    /// seven digits that reads back as the same instant (none for a whole second).
    public init(_ date: Date) {
        self.date = date
        self.text = RFC3339.string(from: date, maximumFractionDigits: BCDateTime.maximumFractionDigits)
    }

    /// Reads RFC 3339 date-time text; `nil` if it is not a date-time.
    public init?(_ text: String) {
        guard let date = RFC3339.parseDateTime(text) else { return nil }
        self.date = date
        self.text = text
    }

    /// Whether this is BC's blank date-time (year 1).
    public var isBlank: Bool { text.hasPrefix("0001-01-01") }

    /// The text.
    public var description: String { text }

    /// Decodes RFC 3339 date-time text.
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
}
