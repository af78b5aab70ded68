import Foundation

/// Generates Business Central records of any number, the same for the same seed: every record has
/// the fields of its fixture, with invented values that vary enough to filter, sort and page on
/// (names with apostrophes and ampersands among them, to exercise `''` escapes).
struct BusinessCentralDataSet {
    /// The records of each set, in number order.
    var tables: [String: [SandboxJSONObject]] = [:]

    private var generator: SandboxSeededGenerator

    private static let namePrefixes = [
        "Northwind", "Contoso", "Fabrikam", "Adventure", "Tailspin", "Wide World", "Litware", "Proseware", "Alpine",
        "Coho", "O'Brien", "Blue Yonder", "Trey", "Lucerne", "Margie's",
    ]
    private static let nameSuffixes = [
        "Bikes", "Traders", "Toys", "Supplies", "Works", "Foods", "& Sons", "Outfitters", "Logistics", "Studio",
    ]
    private static let places: [(city: String, state: String, country: String, postalCode: String)] = [
        ("Springfield", "IL", "US", "62701"), ("Leeds", "", "GB", "LS1 4AB"), ("Malmö", "", "SE", "21120"),
        ("Lyon", "", "FR", "69001"), ("Seattle", "WA", "US", "98101"), ("Göteborg", "", "SE", "41101"),
    ]
    private static let materials = ["Oak", "Steel", "Birch", "Walnut", "Glass", "Bamboo", "Maple"]
    private static let products = ["Desk", "Chair", "Shelf", "Lamp", "Cabinet", "Table", "Bench", "Stool"]
    private static let currencies = ["USD", "EUR", "GBP", "SEK"]

    /// Generates `counts` records per set from `seed`.
    init(
        seed: UInt64, customers: Int, vendors: Int, items: Int, salesOrders: Int, linesPerOrder: Int
    ) {
        self.generator = SandboxSeededGenerator(seed: seed)
        tables["customers"] = (0..<max(0, customers)).map { makeCustomer($0) }
        tables["vendors"] = (0..<max(0, vendors)).map { makeVendor($0) }
        tables["items"] = (0..<max(0, items)).map { makeItem($0) }
        var orders: [SandboxJSONObject] = []
        var lines: [SandboxJSONObject] = []
        for index in 0..<max(0, salesOrders) {
            let (order, orderLines) = makeSalesOrder(index, lineCount: max(0, linesPerOrder))
            orders.append(order)
            lines += orderLines
        }
        tables["salesOrders"] = orders
        tables["salesOrderLines"] = lines
    }

    /// A name unique for every index: prefix, suffix, and a counter once the pairs run out.
    static func companyName(_ index: Int) -> String {
        let pairs = namePrefixes.count * nameSuffixes.count
        let base =
            namePrefixes[index % namePrefixes.count] + " "
            + nameSuffixes[(index / namePrefixes.count) % nameSuffixes.count]
        return index < pairs ? base : "\(base) \(index / pairs + 1)"
    }

    /// A number padded to five digits (`C00010`).
    static func number(_ prefix: String, _ value: Int) -> String {
        let digits = String(value)
        return prefix + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// An amount in cents as JSON number text (`1250.5`, `0`, `349.99`).
    static func money(_ cents: Int) -> SandboxJSON {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return .number("\(sign)\(whole)") }
        if fraction % 10 == 0 { return .number("\(sign)\(whole).\(fraction / 10)") }
        return .number("\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)")
    }

    /// `2025-01-01` plus `days`, as `YYYY-MM-DD`.
    static func date(days: Int) -> String {
        String(SandboxHTTPDate.iso8601(Date(timeIntervalSince1970: 1_735_689_600 + Double(days) * 86_400)).prefix(10))
    }

    /// `2025-01-01T00:00:00Z` plus `minutes`, in Business Central's `Z` form.
    static func dateTime(minutes: Int) -> String {
        let text = SandboxHTTPDate.iso8601(Date(timeIntervalSince1970: 1_735_689_600 + Double(minutes) * 60))
        return String(text.prefix(19)) + "Z"
    }

    private mutating func pick<T>(_ list: [T]) -> T {
        list[Int(generator.next() % UInt64(list.count))]
    }

    private mutating func between(_ low: Int, _ high: Int) -> Int {
        low + Int(generator.next() % UInt64(high - low + 1))
    }

    private static func slug(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") })
    }

    private mutating func makeCustomer(_ index: Int) -> SandboxJSONObject {
        var record = BusinessCentralEntitySet.customers.template
        let name = Self.companyName(index)
        let place = pick(Self.places)
        record["id"] = .string(generator.guid())
        record["number"] = .string(Self.number("C", (index + 1) * 10))
        record["displayName"] = .string(name)
        record["type"] = .string(index % 4 == 3 ? "Person" : "Company")
        record["addressLine1"] = .string("\(between(1, 250)) Harbour Rd")
        record["city"] = .string(place.city)
        record["state"] = .string(place.state)
        record["country"] = .string(place.country)
        record["postalCode"] = .string(place.postalCode)
        record["phoneNumber"] = .string("+1 555 \(between(1000, 9999))")
        record["email"] = .string("ap@\(Self.slug(name)).test")
        record["salespersonCode"] = .string(pick(["JR", "PS", "AH", ""]))
        record["balanceDue"] = Self.money(between(0, 500_000))
        record["creditLimit"] = .int(between(0, 50) * 1000)
        record["taxLiable"] = .bool(generator.next() % 2 == 0)
        record["currencyCode"] = .string(pick(Self.currencies))
        record["blocked"] = .string(index % 9 == 8 ? pick(["Ship", "Invoice", "All"]) : " ")
        record["lastModifiedDateTime"] = .string(Self.dateTime(minutes: index * 61 + between(0, 59)))
        return record
    }

    private mutating func makeVendor(_ index: Int) -> SandboxJSONObject {
        var record = BusinessCentralEntitySet.vendors.template
        let name = Self.companyName(index + 7)
        let place = pick(Self.places)
        record["id"] = .string(generator.guid())
        record["number"] = .string(Self.number("V", (index + 1) * 10))
        record["displayName"] = .string(name)
        record["addressLine1"] = .string("\(between(1, 90)) Dock St")
        record["city"] = .string(place.city)
        record["state"] = .string(place.state)
        record["country"] = .string(place.country)
        record["postalCode"] = .string(place.postalCode)
        record["email"] = .string("orders@\(Self.slug(name)).test")
        record["currencyCode"] = .string(pick(Self.currencies))
        record["taxLiable"] = .bool(generator.next() % 2 == 0)
        record["blocked"] = .string(index % 7 == 6 ? pick(["Payment", "All"]) : " ")
        record["balance"] = Self.money(between(-200_000, 200_000))
        record["lastModifiedDateTime"] = .string(Self.dateTime(minutes: index * 97 + between(0, 59)))
        return record
    }

    private mutating func makeItem(_ index: Int) -> SandboxJSONObject {
        var record = BusinessCentralEntitySet.items.template
        let unitPrice = between(500, 99_999)
        record["id"] = .string(generator.guid())
        record["number"] = .string(String(1000 + index))
        record["displayName"] = .string("\(pick(Self.products)), \(pick(Self.materials).lowercased()) \(index + 1)")
        record["type"] = .string(index % 10 == 9 ? "Service" : (index % 10 == 8 ? "Non-Inventory" : "Inventory"))
        record["itemCategoryCode"] = .string(pick(["FURNITURE", "LIGHTING", "STORAGE"]))
        record["blocked"] = .bool(index % 17 == 16)
        record["inventory"] = .int(between(0, 200))
        record["unitPrice"] = Self.money(unitPrice)
        record["unitCost"] = Self.money(unitPrice * between(40, 80) / 100)
        record["baseUnitOfMeasureCode"] = .string("PCS")
        record["lastModifiedDateTime"] = .string(Self.dateTime(minutes: index * 53 + between(0, 59)))
        return record
    }

    private mutating func makeSalesOrder(_ index: Int, lineCount: Int) -> (SandboxJSONObject, [SandboxJSONObject]) {
        var order = BusinessCentralEntitySet.salesOrders.template
        let orderId = generator.guid()
        let customers = tables["customers"] ?? []
        let items = tables["items"] ?? []
        order["id"] = .string(orderId)
        order["number"] = .string("S-ORD\(101_001 + index)")
        order["externalDocumentNumber"] = .string("PO-\(700 + index)")
        let day = Self.date(days: index)
        order["orderDate"] = .string(day)
        order["postingDate"] = .string(day)
        if !customers.isEmpty {
            let customer = customers[Int(generator.next() % UInt64(customers.count))]
            order["customerId"] = customer["id"]
            order["customerNumber"] = customer["number"]
            order["customerName"] = customer["displayName"]
            order["currencyCode"] = customer["currencyCode"]
            order["email"] = customer["email"]
        }
        order["requestedDeliveryDate"] = .string("0001-01-01")
        order["status"] = .string(pick(["Draft", "In Review", "Open", "Open"]))
        order["partialShipping"] = .bool(index % 2 == 0)
        var lines: [SandboxJSONObject] = []
        var net = 0
        var tax = 0
        for position in 0..<(items.isEmpty ? 0 : lineCount) {
            let item = items[Int(generator.next() % UInt64(items.count))]
            let quantity = between(1, 10)
            let unit = Int(((item["unitPrice"]?.doubleValue ?? 0) * 100).rounded())
            let amount = unit * quantity
            let lineTax = (amount * 8 + 50) / 100
            net += amount
            tax += lineTax
            var line = BusinessCentralEntitySet.salesOrderLines.template
            line["id"] = .string(generator.guid())
            line["documentId"] = .string(orderId)
            line["sequence"] = .int((position + 1) * 10_000)
            line["itemId"] = item["id"]
            line["accountId"] = .string("00000000-0000-0000-0000-000000000000")
            line["lineType"] = .string("Item")
            line["lineObjectNumber"] = item["number"]
            line["description"] = item["displayName"]
            line["unitOfMeasureCode"] = .string("PCS")
            line["quantity"] = .int(quantity)
            line["unitPrice"] = Self.money(unit)
            line["amountExcludingTax"] = Self.money(amount)
            line["taxCode"] = item["itemCategoryCode"]
            line["taxPercent"] = .int(8)
            line["totalTaxAmount"] = Self.money(lineTax)
            line["amountIncludingTax"] = Self.money(amount + lineTax)
            line["netAmount"] = Self.money(amount)
            line["shipmentDate"] = .string(Self.date(days: index + 6))
            line["invoiceQuantity"] = .int(quantity)
            line["shipQuantity"] = .int(quantity)
            line["itemVariantId"] = .string("00000000-0000-0000-0000-000000000000")
            lines.append(line)
        }
        order["totalAmountExcludingTax"] = Self.money(net)
        order["totalTaxAmount"] = Self.money(tax)
        order["totalAmountIncludingTax"] = Self.money(net + tax)
        order["lastModifiedDateTime"] = .string(Self.dateTime(minutes: index * 1440 + between(0, 600)))
        return (order, lines)
    }
}
