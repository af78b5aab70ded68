import AuthCore
import Foundation

/// Builds endpoint paths relative to a service root, with keys and names encoded correctly.
public enum BCPath {
    /// An entity key.
    public enum Key: Sendable, Equatable {
        /// A GUID `SystemId`, written bare: `customers(5b0d…)`.
        case id(String)
        /// A string key, quoted with `'` doubled and percent-encoded: `Customers('10000')`.
        case string(String)
        /// A numeric key, written bare.
        case int(Int)

        /// The key as it appears between the parentheses.
        public var text: String {
            switch self {
            case .id(let value): return URLEncoding.pathSegment(value)
            case .string(let value):
                return "'" + URLEncoding.pathSegment(value.replacingOccurrences(of: "'", with: "''")) + "'"
            case .int(let value): return String(value)
            }
        }
    }

    /// `companies`.
    public static let companies = "companies"

    /// `companies({companyId})`.
    public static func company(_ companyId: String) -> String {
        "companies(\(Key.id(companyId).text))"
    }

    /// `companies({companyId})/{entitySet}` or `…/{entitySet}({key})`.
    public static func entitySet(_ entitySet: String, company companyId: String, key: Key? = nil) -> String {
        "\(company(companyId))/\(collection(entitySet, key: key))"
    }

    /// `{entitySet}` or `{entitySet}({key})`, without a company.
    public static func collection(_ entitySet: String, key: Key? = nil) -> String {
        let set = URLEncoding.pathSegment(entitySet)
        guard let key else { return set }
        return "\(set)(\(key.text))"
    }

    /// An OData V4 web service (relative to `{root}ODataV4/`): `Company('{name}')/{service}` or with a key.
    /// The company name is quoted (`'` doubled) and percent-encoded (`%20` for spaces).
    public static func webService(_ service: String, companyName: String, key: Key? = nil) -> String {
        "Company(\(Key.string(companyName).text))/\(collection(service, key: key))"
    }
}
