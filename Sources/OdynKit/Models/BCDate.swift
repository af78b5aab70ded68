import AuthCore
import Foundation

/// A Business Central date (`YYYY-MM-DD`). BC's blank date, `0001-01-01`, decodes to `nil`.
///
/// The text is read with AuthCore's `RFC3339` reader: a day that does not exist (`2025-02-30`)
/// is refused.
public struct BCDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day, 1–31.
    public let day: Int

    /// Creates a date.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; `nil` if the text is not such a date, or names a day that does not exist.
    public init?(_ text: String) {
        guard let date = RFC3339.parseFullDate(text) else { return nil }
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// Whether this is BC's blank date (`0001-01-01`).
    public var isBlank: Bool { year == 1 && month == 1 && day == 1 }

    /// `YYYY-MM-DD`.
    public var description: String {
        if let date = RFC3339.FullDate(year: year, month: month, day: day) { return date.description }
        // A value built from numbers that name no real day is still written as given.
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The date as a `$filter` literal.
    public var literal: ODataLiteral { .date(year: year, month: month, day: day) }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = BCDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a YYYY-MM-DD date")
        }
        self = date
    }

    /// Encodes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
