import AuthCore
import Foundation
import Testing
import VendorFixtures

@testable import FlowerhubKit

@Suite("Wire models encode with the portal's field names")
struct ModelCodingTests {
    @Test("invoices round-trip through Codable with snake_case keys")
    func invoiceRoundTrip() throws {
        let invoices = try InvoiceParser.invoices(try JSONValue(jsonData: Fixture.data("flowerhub/invoices.json")))
        let data = try JSONEncoder().encode(invoices)
        let json = try JSONValue(jsonData: data)
        #expect(json[0]?["sub_group_invoices"]?[0]?["invoice_lines"]?[0]?["item_id"] == "502")
        #expect(json[0]?["current_payment_type_name"] == "Autogiro")
        #expect(try JSONDecoder().decode([FlowerhubInvoice].self, from: data) == invoices)
    }

    @Test("status, consumption and pie keep their wire names")
    func otherKeys() throws {
        let status = FlowerhubStatus(status: "Connected", message: nil, updatedAt: Date(timeIntervalSince1970: 0))
        let statusJSON = try JSONValue(jsonData: JSONEncoder().encode(status))
        #expect(statusJSON["updated_at"] != nil)
        let record = FlowerhubConsumptionRecord(siteId: "1", typeId: 2)
        #expect(try JSONValue(jsonData: JSONEncoder().encode(record))["type_id"] == 2)
        let pie = FlowerhubUptimePie(uptime: 1, downtime: 1, noData: 0)
        let pieJSON = try JSONValue(jsonData: JSONEncoder().encode(pie))
        #expect(pieJSON["uptime_ratio_actual"] == 50)
        #expect(try JSONDecoder().decode(FlowerhubUptimePie.self, from: JSONEncoder().encode(pie)) == pie)
    }

    @Test("the login response decodes straight from the fixture")
    func loginDecodes() throws {
        let response = try JSONDecoder().decode(FlowerhubLoginResponse.self, from: Fixture.data("flowerhub/login.json"))
        #expect(response.user?.assetOwnerId == 40123)
        #expect(response == AuthParsers.loginResponse(try JSONValue(jsonData: Fixture.data("flowerhub/login.json"))))
    }
}
