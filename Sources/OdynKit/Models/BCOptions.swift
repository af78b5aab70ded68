/// Business Central option fields. Each tolerates values this version does not know through `.other`.

/// The kind of customer. Unknown values are kept in ``other(_:)``.
public enum BCCustomerType: Sendable, Hashable, Codable, RawRepresentable {
    /// `"Company"`.
    case company
    /// `"Person"`.
    case person
    /// A value this version does not know.
    case other(String)

    /// The case for a raw value; unknown values become ``other(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case "Company": self = .company
        case "Person": self = .person
        default: self = .other(rawValue)
        }
    }

    /// The value as Business Central writes it.
    public var rawValue: String {
        switch self {
        case .company: return "Company"
        case .person: return "Person"
        case .other(let value): return value
        }
    }
}

/// What is blocked for a customer (`" "`, `notBlocked`, means nothing). Unknown values are kept in ``other(_:)``.
public enum BCCustomerBlocked: Sendable, Hashable, Codable, RawRepresentable {
    /// `" "`.
    case notBlocked
    /// `"Ship"`.
    case ship
    /// `"Invoice"`.
    case invoice
    /// `"All"`.
    case all
    /// A value this version does not know.
    case other(String)

    /// The case for a raw value; unknown values become ``other(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case " ": self = .notBlocked
        case "Ship": self = .ship
        case "Invoice": self = .invoice
        case "All": self = .all
        default: self = .other(rawValue)
        }
    }

    /// The value as Business Central writes it.
    public var rawValue: String {
        switch self {
        case .notBlocked: return " "
        case .ship: return "Ship"
        case .invoice: return "Invoice"
        case .all: return "All"
        case .other(let value): return value
        }
    }
}

/// What is blocked for a vendor (`" "`, `notBlocked`, means nothing). Unknown values are kept in ``other(_:)``.
public enum BCVendorBlocked: Sendable, Hashable, Codable, RawRepresentable {
    /// `" "`.
    case notBlocked
    /// `"Payment"`.
    case payment
    /// `"All"`.
    case all
    /// A value this version does not know.
    case other(String)

    /// The case for a raw value; unknown values become ``other(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case " ": self = .notBlocked
        case "Payment": self = .payment
        case "All": self = .all
        default: self = .other(rawValue)
        }
    }

    /// The value as Business Central writes it.
    public var rawValue: String {
        switch self {
        case .notBlocked: return " "
        case .payment: return "Payment"
        case .all: return "All"
        case .other(let value): return value
        }
    }
}

/// The kind of item. Unknown values are kept in ``other(_:)``.
public enum BCItemType: Sendable, Hashable, Codable, RawRepresentable {
    /// `"Inventory"`.
    case inventory
    /// `"Service"`.
    case service
    /// `"Non-Inventory"`.
    case nonInventory
    /// A value this version does not know.
    case other(String)

    /// The case for a raw value; unknown values become ``other(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case "Inventory": self = .inventory
        case "Service": self = .service
        case "Non-Inventory": self = .nonInventory
        default: self = .other(rawValue)
        }
    }

    /// The value as Business Central writes it.
    public var rawValue: String {
        switch self {
        case .inventory: return "Inventory"
        case .service: return "Service"
        case .nonInventory: return "Non-Inventory"
        case .other(let value): return value
        }
    }
}

/// The status of a sales order. Unknown values are kept in ``other(_:)``.
public enum BCSalesOrderStatus: Sendable, Hashable, Codable, RawRepresentable {
    /// `"Draft"`.
    case draft
    /// `"In Review"`.
    case inReview
    /// `"Open"`.
    case open
    /// A value this version does not know.
    case other(String)

    /// The case for a raw value; unknown values become ``other(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case "Draft": self = .draft
        case "In Review": self = .inReview
        case "Open": self = .open
        default: self = .other(rawValue)
        }
    }

    /// The value as Business Central writes it.
    public var rawValue: String {
        switch self {
        case .draft: return "Draft"
        case .inReview: return "In Review"
        case .open: return "Open"
        case .other(let value): return value
        }
    }
}

/// The kind of a sales order line. Unknown values are kept in ``other(_:)``.
public enum BCSalesLineType: Sendable, Hashable, Codable, RawRepresentable {
    /// `"Comment"`.
    case comment
    /// `"Account"`.
    case account
    /// `"Item"`.
    case item
    /// `"Resource"`.
    case resource
    /// `"Fixed Asset"`.
    case fixedAsset
    /// `"Charge"`.
    case charge
    /// A value this version does not know.
    case other(String)

    /// The case for a raw value; unknown values become ``other(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case "Comment": self = .comment
        case "Account": self = .account
        case "Item": self = .item
        case "Resource": self = .resource
        case "Fixed Asset": self = .fixedAsset
        case "Charge": self = .charge
        default: self = .other(rawValue)
        }
    }

    /// The value as Business Central writes it.
    public var rawValue: String {
        switch self {
        case .comment: return "Comment"
        case .account: return "Account"
        case .item: return "Item"
        case .resource: return "Resource"
        case .fixedAsset: return "Fixed Asset"
        case .charge: return "Charge"
        case .other(let value): return value
        }
    }
}
