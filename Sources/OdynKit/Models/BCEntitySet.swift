/// A typed Business Central API entity set, such as ``customers``.
public struct BCEntitySet<Entity: Codable & Sendable>: Sendable, Equatable {
    /// The entity set name in URLs (for example `customers`).
    public let name: String

    /// An entity set of your own (custom APIs).
    public init(_ name: String) {
        self.name = name
    }
}

extension BCEntitySet where Entity == BCCustomer {
    /// `customers`.
    public static var customers: BCEntitySet<BCCustomer> { BCEntitySet("customers") }
}

extension BCEntitySet where Entity == BCVendor {
    /// `vendors`.
    public static var vendors: BCEntitySet<BCVendor> { BCEntitySet("vendors") }
}

extension BCEntitySet where Entity == BCItem {
    /// `items`.
    public static var items: BCEntitySet<BCItem> { BCEntitySet("items") }
}

extension BCEntitySet where Entity == BCSalesOrder {
    /// `salesOrders`.
    public static var salesOrders: BCEntitySet<BCSalesOrder> { BCEntitySet("salesOrders") }
}

extension BCEntitySet where Entity == BCSalesOrderLine {
    /// `salesOrderLines`.
    public static var salesOrderLines: BCEntitySet<BCSalesOrderLine> { BCEntitySet("salesOrderLines") }
}
