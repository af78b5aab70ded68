import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Typed entities")
struct EntityTests {
    @Test("JSONDecoder reads decimals exactly")
    func decimalsAreExact() throws {
        struct Amount: Decodable { let value: Decimal }
        for text in ["1234.56", "349.99", "0.1", "201.35", "-420.0", "755.98"] {
            let amount = try JSONDecoder().decode(Amount.self, from: Data(#"{"value":\#(text)}"#.utf8))
            #expect(amount.value == Decimal(string: text), "\(text)")
        }
    }

    @Test("companies (F1)")
    func companies() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/companies.json"))
        let client = try BC.client(transport: transport)
        let company = try #require(try await client.companies().first)
        #expect(company.id == BC.company)
        #expect(company.timestamp == 48213)
        #expect(company.systemVersion == "24.1.18822.0")
        #expect(company.businessProfileId == "")
        #expect(company.systemCreatedAt?.date == Date(timeIntervalSince1970: 1_709_367_300))
        #expect(company.systemModifiedBy == "00000000-0000-0000-0000-000000000001")
        #expect(transport.requests.first?.url.absoluteString == BC.api + "companies")
    }

    @Test("customers (F2): enums, amounts, fractional-second timestamps, etags")
    func customers() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-single-page.json"))
        let client = try BC.client(transport: transport)
        let customers = try await client.list(.customers, company: BC.company).records
        #expect(customers.count == 2)
        let first = customers[0]
        #expect(first.etag == ODataETag("W/\"JzE5OzQ0MTIzNDU2Nzg5MDE7MDA7Jw==\""))
        #expect(first.type == .company)
        #expect(first.blocked == .notBlocked)
        #expect(first.balanceDue == Decimal(string: "1250.5"))
        #expect(first.creditLimit == 10000)
        #expect(first.taxLiable == true)
        #expect(first.lastModifiedDateTime?.text == "2025-02-01T09:30:12.517Z")
        #expect(
            first.lastModifiedDateTime.map { abs($0.date.timeIntervalSince1970 - 1_738_402_212.517) < 0.001 } == true)
        let second = customers[1]
        #expect(second.type == .person)
        #expect(second.blocked == .invoice)
        #expect(second.displayName == "O'Brien & Sons")
        #expect(second.city == nil)
        #expect(second.currencyCode == "EUR")
    }

    @Test("item (F6)")
    func item() throws {
        let item = try JSONDecoder().decode(BCItem.self, from: Fixture.data("odyn/item.json"))
        #expect(item.type == .inventory)
        #expect(item.blocked == false)
        #expect(item.inventory == 14)
        #expect(item.unitPrice == Decimal(string: "349.99"))
        #expect(item.unitCost == Decimal(string: "201.35"))
        #expect(item.baseUnitOfMeasureCode == "PCS")
        #expect(item.generalProductPostingGroupCode == "RETAIL")
        #expect(item.inventoryPostingGroupCode == "RESALE")
    }

    @Test("vendors (F7)")
    func vendors() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors.json"))
        let client = try BC.client(transport: transport)
        var vendors: [BCVendor] = []
        for try await vendor in client.records(.vendors, company: BC.company) { vendors.append(vendor) }
        let vendor = try #require(vendors.first)
        #expect(vendor.blocked == .payment)
        #expect(vendor.balance == Decimal(string: "-420"))
        #expect(vendor.postalCode == "LS1 4AB")
        #expect(vendor.taxRegistrationNumber == "GB123456789")
        #expect(vendor.irs1099Code == "")
        #expect(transport.requests.first?.url.absoluteString == BC.api + "companies(\(BC.company))/vendors")
    }

    @Test("sales order with expanded lines (F8): dates, blank date as nil, line amounts")
    func salesOrder() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/sales-order-expanded.json"))
        let client = try BC.client(transport: transport)
        let order = try await client.get(
            .salesOrders, id: "f0000000-0000-0000-0000-000000000101", company: BC.company,
            query: ODataQuery().expand("salesOrderLines")
        )
        #expect(transport.requests.first?.url.query == "$expand=salesOrderLines")
        #expect(order.orderDate == BCDate(year: 2025, month: 2, day: 14))
        #expect(order.requestedDeliveryDate == nil)
        #expect(order.status == .open)
        #expect(order.totalAmountIncludingTax == Decimal(string: "755.98"))
        #expect(order.partialShipping == true)
        let line = try #require(order.salesOrderLines?.first)
        #expect(line.lineType == .item)
        #expect(line.sequence == 10000)
        #expect(line.quantity == 2)
        #expect(line.unitPrice == Decimal(string: "349.99"))
        #expect(line.shipmentDate?.description == "2025-02-20")
        #expect(line.taxPercent == 8)
        #expect(line.etag == ODataETag("W/\"JzE5OzEyMTIxMjEyMTIxMjE7MDA7Jw==\""))
    }

    @Test("unknown option values are kept, and round-trip")
    func tolerantEnums() throws {
        let json = #"{"status":"Released","lineType":"Future Kind","blocked":"Everything","type":"Robot"}"#
        struct Probe: Codable {
            let status: BCSalesOrderStatus
            let lineType: BCSalesLineType
            let blocked: BCVendorBlocked
            let type: BCCustomerType
        }
        let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        #expect(probe.status == .other("Released"))
        #expect(probe.lineType == .other("Future Kind"))
        #expect(probe.blocked == .other("Everything"))
        #expect(probe.type == .other("Robot"))
        #expect(BCSalesOrderStatus(rawValue: "In Review") == .inReview)
        #expect(BCSalesLineType(rawValue: "Fixed Asset") == .fixedAsset)
        #expect(BCItemType(rawValue: "Non-Inventory") == .nonInventory)
        #expect(BCCustomerBlocked(rawValue: "All").rawValue == "All")
        let again = try JSONDecoder().decode(Probe.self, from: JSONEncoder().encode(probe))
        #expect(again.lineType.rawValue == "Future Kind")
    }

    @Test("dates: formats, blank values, bad text")
    func dates() throws {
        #expect(BCDate("2025-02-14")?.description == "2025-02-14")
        #expect(BCDate("2025-2-14") == nil)
        #expect(BCDate("2025-13-01") == nil)
        #expect(BCDate("0001-01-01")?.isBlank == true)
        #expect(BCDateTime("2025-02-14T16:20:00Z")?.date == Date(timeIntervalSince1970: 1_739_550_000))
        #expect(BCDateTime("yesterday") == nil)
        #expect(BCDateTime(Date(timeIntervalSince1970: 1_739_550_000)).text == "2025-02-14T16:20:00Z")
        struct Probe: Codable {
            var day: BCDate?
            var at: BCDateTime?
        }
        let blank = try JSONDecoder().decode(
            Probe.self, from: Data(#"{"day":"0001-01-01","at":"0001-01-01T00:00:00Z"}"#.utf8))
        #expect(blank.day == nil)
        #expect(blank.at == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Probe.self, from: Data(#"{"day":"14.02.2025"}"#.utf8))
        }
        let encoded = try JSONEncoder().encode(
            Probe(day: BCDate(year: 2025, month: 2, day: 14), at: BCDateTime("2025-02-01T09:30:12.517Z")))
        #expect(try JSONValue(jsonData: encoded) == ["day": "2025-02-14", "at": "2025-02-01T09:30:12.517Z"])
    }

    @Test("entities encode only what is set, amounts exactly")
    func encoding() throws {
        let body = try JSONValue(
            jsonData: JSONEncoder().encode(BCSalesOrderLine(quantity: 3, unitPrice: Decimal(string: "1234.56"))))
        #expect(body == ["quantity": 3, "unitPrice": 1234.56])
        let customer = try JSONDecoder().decode(
            BCCustomer.self, from: JSONEncoder().encode(BCCustomer(etag: "W/\"x\"", number: "C1")))
        #expect(customer == BCCustomer(etag: "W/\"x\"", number: "C1"))
    }
}
