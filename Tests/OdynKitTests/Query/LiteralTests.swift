import AuthCore
import Foundation
import TestSupport
import Testing

@testable import OdynKit

@Suite("Date-time and GUID literals")
struct LiteralTests {
    /// 2025-02-14T16:20:00Z as seconds since the reference date.
    static let base: TimeInterval = 761_242_800

    @Test(
        "date-times keep their fractional seconds, up to seven digits, in UTC",
        arguments: [
            (0.0, "2025-02-14T16:20:00Z"),
            (0.5, "2025-02-14T16:20:00.5Z"),
            (0.123, "2025-02-14T16:20:00.123Z"),
            (0.1234567, "2025-02-14T16:20:00.1234567Z"),
            (0.0000001, "2025-02-14T16:20:00.0000001Z"),
            (59.75, "2025-02-14T16:20:59.75Z"),
            (0.99999999, "2025-02-14T16:20:01Z"),
        ])
    func fractionalSeconds(offset: TimeInterval, text: String) {
        let date = Date(timeIntervalSinceReferenceDate: Self.base + offset)
        #expect(ODataLiteral.dateTime(date).text == text)
    }

    @Test("a date-time parsed from Business Central's text is written back as the same instant")
    func roundTrip() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(formatter.date(from: "2025-02-14T16:20:00.217Z"))
        let filter = ODataFilter.field("lastModifiedDateTime").gt(.dateTime(date))
        #expect(filter.expression == "lastModifiedDateTime gt 2025-02-14T16:20:00.217Z")
        let before1970 = Date(timeIntervalSince1970: -0.25)
        #expect(ODataLiteral.dateTime(before1970).text == "1969-12-31T23:59:59.75Z")
    }

    @Test(
        "GUID text that is not a GUID is written as a quoted string, never as filter syntax",
        arguments: [
            ("x or 1 eq 1", "'x or 1 eq 1'"),
            ("x' or '1' eq '1", "'x'' or ''1'' eq ''1'"),
            ("{a0000000-0000-0000-0000-000000000001}", "'{a0000000-0000-0000-0000-000000000001}'"),
            ("a0000000-0000-0000-0000-00000000000g", "'a0000000-0000-0000-0000-00000000000g'"),
            ("", "''"),
        ])
    func invalidGUIDs(text: String, written: String) {
        #expect(ODataLiteral.guid(text).text == written)
        #expect(ODataFilter.field("id").eq(.guid(text)).expression == "id eq \(written)")
        #expect(ODataLiteral.isGUID(text) == false)
        #expect(
            BC.syncError { try ODataLiteral(guid: text) }
                == OdynError(.invalidRequest, "a GUID literal must be 8-4-4-4-12 hexadecimal digits"))
    }

    @Test("real GUIDs stay bare, in the case given")
    func validGUIDs() throws {
        #expect(ODataLiteral.guid(BC.itemID).text == BC.itemID)
        let upper = "A0B1C2D3-E4F5-A6B7-C8D9-E0F1A2B3C4D5"
        #expect(ODataLiteral.guid(upper).text == upper)
        #expect(try ODataLiteral(guid: BC.itemID) == .guid(BC.itemID))
        let uuid = try #require(UUID(uuidString: "A0B1C2D3-E4F5-A6B7-C8D9-E0F1A2B3C4D5"))
        #expect(ODataLiteral.guid(uuid).text == "a0b1c2d3-e4f5-a6b7-c8d9-e0f1a2b3c4d5")
    }
}
