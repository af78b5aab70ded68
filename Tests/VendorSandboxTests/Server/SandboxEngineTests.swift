import Foundation
import Testing
import VendorFixtures

@testable import VendorSandbox

@Suite("VendorSandbox internals: JSON, OData filters, dates, data set")
struct SandboxEngineTests {
    @Test("every JSON fixture parses and writes back to the same value, member order and number text kept")
    func jsonRoundTrip() throws {
        for vendor in ["flowerhub", "odyn"] {
            for path in Fixture.paths(in: vendor) where path.hasSuffix(".json") {
                let data = try Fixture.data(path)
                guard !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else { continue }
                let parsed = try SandboxJSON.parse(data)
                #expect(try SandboxJSON.parse(parsed.data) == parsed, "\(path)")
            }
        }
        #expect(
            SandboxJSON.parse(literal: #"{"b":1,"a":349.99,"c":"\u00e9\n"}"#).text
                == "{\"b\":1,\"a\":349.99,\"c\":\"é\\n\"}")
        #expect(throws: SandboxJSON.ParseError.self) { try SandboxJSON.parse(Data(#"{"a":1"#.utf8)) }
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: SandboxJSON.ParseError.self) { try SandboxJSON.parse(Data(deep.utf8)) }
    }

    @Test("filters parse OdynKit's output: '' escapes, GUIDs, dates, functions, not, precedence")
    func filterParsing() throws {
        let record = SandboxJSONObject([
            ("displayName", .string("O'Brien & Sons")), ("balanceDue", .number("1250.5")), ("blocked", .string(" ")),
            ("id", .string("5b0d8a6e-1a11-4e2f-9a01-0000000a0001")), ("orderDate", .string("2025-02-14")),
            ("taxLiable", .bool(true)), ("lastModifiedDateTime", .string("2025-02-01T09:30:12.517Z")),
            ("email", .null),
        ])
        let cases: [(String, Bool)] = [
            ("displayName eq 'O''Brien & Sons'", true),
            ("startswith(displayName,'O''B') and balanceDue gt 1000", true),
            ("balanceDue le 1250.5 and not (taxLiable eq false)", true),
            ("id eq 5B0D8A6E-1A11-4E2F-9A01-0000000A0001", true),
            ("orderDate ge 2025-02-14 and orderDate lt 2025-02-15", true),
            ("lastModifiedDateTime gt 2025-02-01T09:30:12.5Z", true),
            ("lastModifiedDateTime gt 2025-02-01T09:30:12.5170001Z", false),
            ("email eq null and blocked ne null", true),
            ("false or contains(tolower(displayName),'sons')", true),
            ("(taxLiable)", true),
            ("balanceDue gt 2000 or balanceDue lt 0 and taxLiable", false),
            ("endswith(displayName,'Sons') and (balanceDue eq 1 or balanceDue eq 1250.5)", true),
        ]
        for (text, expected) in cases {
            #expect(try ODataFilterExpression.parse(text).matches(record) == expected, "\(text)")
        }
        for broken in ["displayName eq", "displayName eq 'open", "(a eq 1", "a eq 1)", "a eq 1 and", "eq 1", "a ~ 1"] {
            #expect(throws: ODataRequestError.self, "\(broken)") { try ODataFilterExpression.parse(broken) }
        }
        #expect(throws: ODataRequestError.self) {
            try ODataFilterExpression.parse("balanceDue eq 'x'").matches(record)
        }
    }

    @Test("HTTP dates and ISO timestamps are written without a formatter")
    func dates() {
        #expect(SandboxHTTPDate.format(Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(SandboxHTTPDate.format(Date(timeIntervalSince1970: 1_709_164_800)) == "Thu, 29 Feb 2024 00:00:00 GMT")
        #expect(SandboxHTTPDate.iso8601(Date(timeIntervalSince1970: 1_775_121_267.512)) == "2026-04-02T09:14:27.512Z")
    }

    @Test("the data set is the same for the same seed and different for another")
    func deterministicDataSet() {
        let first = BusinessCentralDataSet(
            seed: 9, customers: 50, vendors: 5, items: 10, salesOrders: 5, linesPerOrder: 2)
        let again = BusinessCentralDataSet(
            seed: 9, customers: 50, vendors: 5, items: 10, salesOrders: 5, linesPerOrder: 2)
        let other = BusinessCentralDataSet(
            seed: 10, customers: 50, vendors: 5, items: 10, salesOrders: 5, linesPerOrder: 2)
        #expect(first.tables["customers"] == again.tables["customers"])
        #expect(first.tables["salesOrderLines"] == again.tables["salesOrderLines"])
        #expect(first.tables["customers"] != other.tables["customers"])
        #expect(first.tables["salesOrderLines"]?.count == 10)
        let names = first.tables["customers"]?.compactMap { $0["displayName"]?.stringValue } ?? []
        #expect(Set(names).count == names.count)
        #expect(BusinessCentralDataSet.companyName(150) != BusinessCentralDataSet.companyName(0))
    }

    @Test("routes are written and read back in the control endpoint's spelling")
    func routeSpelling() {
        #expect(SandboxRoute(parsing: "GET flowerhub/asset") == SandboxRoute.flowerhub(.asset).method("GET"))
        #expect(SandboxRoute(parsing: "businessCentral") == .vendor(.businessCentral))
        #expect(SandboxRoute(parsing: "*") == .any)
        #expect(SandboxRoute(parsing: "flowerhub/") == nil)
        #expect(SandboxRoute(parsing: "a b c") == nil)
        #expect(SandboxRoute.businessCentral(.items).method("patch").description == "PATCH businessCentral/items")
    }
}
