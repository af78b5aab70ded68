import AuthCore
import Foundation
import Testing

@testable import OdynKit

/// The dates of the typed entities, read with AuthCore's RFC 3339 reader instead of a formatter
/// per value: what changed (precision, strictness, the text of a new value) and what did not
/// (blank dates, null and missing members, errors).
@Suite("Entity dates")
struct DateDecodingTests {
    struct Probe: Codable {
        var day: BCDate?
        var at: BCDateTime?
    }

    @Test("fractional seconds keep all seven of Business Central's digits, not milliseconds")
    func sevenDigitFractions() throws {
        let value = try #require(BCDateTime("2025-02-01T09:30:12.1234567Z"))
        #expect(abs(value.date.timeIntervalSinceReferenceDate - 760_095_012.123_456_7) < 1e-6)
        #expect(value.text == "2025-02-01T09:30:12.1234567Z")
        let offset = try #require(BCDateTime("2025-02-01T10:30:12.5+01:00"))
        #expect(offset.date.timeIntervalSinceReferenceDate == 760_095_012.5)
    }

    @Test("a date-time made from an instant writes its fraction, up to seven digits")
    func textOfNewValues() throws {
        let instant = try #require(RFC3339.parseDateTime("2025-02-01T09:30:12.517Z"))
        #expect(BCDateTime(instant).text == "2025-02-01T09:30:12.517Z")
        #expect(BCDateTime(Date(timeIntervalSince1970: 1_739_550_000)).text == "2025-02-14T16:20:00Z")
        let encoded = try JSONEncoder().encode(Probe(at: BCDateTime(instant)))
        let decoded = try JSONDecoder().decode(Probe.self, from: encoded)
        #expect(decoded.at?.date == instant)
    }

    @Test("days and times that do not exist, and text around a date, are refused")
    func strictness() {
        for text in [
            "2025-02-30T00:00:00Z", "2025-02-14T24:00:00Z", "2025-02-14T16:20:00Zjunk", " 2025-02-14T16:20:00Z",
        ] {
            #expect(BCDateTime(text) == nil, "\(text)")
        }
        for text in ["2025-02-30", "2025-04-31", "2023-02-29", "2025-02-14T00:00:00Z"] {
            #expect(BCDate(text) == nil, "\(text)")
        }
        #expect(BCDate("2024-02-29") == BCDate(year: 2024, month: 2, day: 29))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Probe.self, from: Data(#"{"day":"2025-02-30"}"#.utf8))
        }
    }

    @Test("blank, null and missing dates are all absent; a wrong type still throws")
    func blankNullMissing() throws {
        let inputs = [
            #"{"day":"0001-01-01","at":"0001-01-01T00:00:00Z"}"#, #"{"day":null,"at":null}"#, "{}",
            #"{"day":"0001-01-01","at":"0001-01-01T00:00:00.000Z"}"#,
        ]
        for json in inputs {
            let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
            #expect(probe.day == nil, "\(json)")
            #expect(probe.at == nil, "\(json)")
        }
        let set = try JSONDecoder().decode(
            Probe.self, from: Data(#"{"day":"0001-01-02","at":"0001-01-02T00:00:00Z"}"#.utf8))
        #expect(set.day == BCDate(year: 1, month: 1, day: 2))
        #expect(set.at?.text == "0001-01-02T00:00:00Z")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Probe.self, from: Data(#"{"at":5}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Probe.self, from: Data(#"{"day":[]}"#.utf8)) }
        // Outside an optional, a blank value is a value: only absence is expressed as nil.
        #expect(try JSONDecoder().decode(BCDate.self, from: Data(#""0001-01-01""#.utf8)).isBlank)
    }

    @Test("a page of typed records reads the same values as the dynamic reader")
    func typedAgreesWithDynamic() throws {
        var records: [String] = []
        let amounts = ["0", "-420.0", "1250.5", "0.1", "349.99", "123456789.123456789", "1e3", "-0.000001"]
        for index in 0..<200 {
            let second = index % 60
            let stamp = "2025-02-\(10 + index % 18)T09:30:\(second < 10 ? "0" : "")\(second).\(index)Z"
            records.append(
                #"{"@odata.etag":"W/\"\#(index)\"","number":"C\#(index)","type":"\#(["Company", "Person", "Robot"][index % 3])","#
                    + #""balanceDue":\#(amounts[index % amounts.count]),"creditLimit":\#(index * 250),"#
                    + #""blocked":"\#([" ", "Ship", "Everything"][index % 3])","taxLiable":\#(index % 2 == 0),"#
                    + #""lastModifiedDateTime":"\#(index % 7 == 0 ? "0001-01-01T00:00:00Z" : stamp)"}"#)
        }
        let page = Data(#"{"value":[\#(records.joined(separator: ","))]}"#.utf8)
        struct Page<Record: Decodable>: Decodable { let value: [Record] }
        let typed = try JSONDecoder().decode(Page<BCCustomer>.self, from: page).value
        let dynamic = try #require(try JSONValue(jsonData: page)["value"]?.arrayValue)
        #expect(typed.count == dynamic.count)
        for (customer, record) in zip(typed, dynamic) {
            #expect(customer.etag?.value == record["@odata.etag"]?.stringValue)
            #expect(customer.number == record["number"]?.stringValue)
            #expect(customer.type?.rawValue == record["type"]?.stringValue)
            #expect(customer.blocked?.rawValue == record["blocked"]?.stringValue)
            #expect(customer.balanceDue == record["balanceDue"]?.decimalValue)
            #expect(customer.creditLimit == record["creditLimit"]?.decimalValue)
            #expect(customer.taxLiable == record["taxLiable"]?.boolValue)
            let stamp = try #require(record["lastModifiedDateTime"]?.stringValue)
            #expect(customer.lastModifiedDateTime?.text == (stamp.hasPrefix("0001-") ? nil : stamp))
        }
        #expect(typed[5].balanceDue == Decimal(string: "123456789.123456789"))
        #expect(typed[2].type == .other("Robot"))
        #expect(typed[2].blocked == .other("Everything"))
    }
}
