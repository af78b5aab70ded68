/// One Business Central entity set the sandbox serves: its name, its entity type, its fields (taken
/// from the fixture record it is shaped after) and the rules a write must follow.
struct BusinessCentralEntitySet: Sendable {
    /// The set's name in URLs, for example `customers`.
    let name: String
    /// The entity type, for example `customer` (as in `Microsoft.NAV.customer`).
    let entityType: String
    /// A record with every field at a blank value, in the fixture's order.
    let template: SandboxJSONObject
    /// The prefix of numbers the sandbox assigns to created records (`C` gives `C00010`); `nil`
    /// for sets whose records have no number.
    let numberPrefix: String?
    /// Option fields and the values they accept.
    let options: [String: [String]]
    /// Navigation properties `$expand` accepts.
    let navigations: [String]

    /// The fields a record may have (`$select`, `$filter`, `$orderby` and writes are checked against them).
    var fields: Set<String> { Set(template.keys) }

    /// The sets, by name.
    static let all: [String: BusinessCentralEntitySet] = {
        let sets = [customers, vendors, items, salesOrders, salesOrderLines]
        return Dictionary(uniqueKeysWithValues: sets.map { ($0.name, $0) })
    }()

    static let customers = BusinessCentralEntitySet(
        name: "customers", entityType: "customer",
        template: blank(SandboxFixtures.json("odyn/customers-single-page.json")["value"]?.arrayValue?.first),
        numberPrefix: "C",
        options: ["type": ["Company", "Person"], "blocked": [" ", "Ship", "Invoice", "All"]], navigations: [])

    static let vendors = BusinessCentralEntitySet(
        name: "vendors", entityType: "vendor",
        template: blank(SandboxFixtures.json("odyn/vendors.json")["value"]?.arrayValue?.first),
        numberPrefix: "V", options: ["blocked": [" ", "Payment", "All"]], navigations: [])

    static let items = BusinessCentralEntitySet(
        name: "items", entityType: "item", template: blank(SandboxFixtures.json("odyn/item.json")),
        numberPrefix: "", options: ["type": ["Inventory", "Service", "Non-Inventory"]], navigations: [])

    static let salesOrders = BusinessCentralEntitySet(
        name: "salesOrders", entityType: "salesOrder",
        template: blank(SandboxFixtures.json("odyn/sales-order-expanded.json"), dropping: ["salesOrderLines"]),
        numberPrefix: "S-ORD", options: ["status": ["Draft", "In Review", "Open"]],
        navigations: ["salesOrderLines"])

    static let salesOrderLines = BusinessCentralEntitySet(
        name: "salesOrderLines", entityType: "salesOrderLine",
        template: blank(SandboxFixtures.json("odyn/sales-order-expanded.json")["salesOrderLines"]?.arrayValue?.first),
        numberPrefix: nil,
        options: ["lineType": ["Comment", "Account", "Item", "Resource", "Fixed Asset", "Charge"]], navigations: [])

    /// The fixture record's fields at blank values (`""`, `0`, `false`, `null`), annotations removed.
    private static func blank(_ record: SandboxJSON?, dropping: Set<String> = []) -> SandboxJSONObject {
        var template = SandboxJSONObject()
        for (key, value) in record?.objectValue?.members ?? [] where !key.hasPrefix("@") && !dropping.contains(key) {
            switch value {
            case .string: template[key] = .string("")
            case .number: template[key] = .int(0)
            case .bool: template[key] = .bool(false)
            default: template[key] = .null
            }
        }
        return template
    }
}
