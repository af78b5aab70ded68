import AuthCore

/// Which Business Central API a client talks to.
public enum BCAPIRoute: Sendable, Equatable {
    /// The standard API: `api/v2.0/`.
    case v2
    /// The automation API: `api/microsoft/automation/v2.0/`.
    case automation
    /// A custom API page: `api/{publisher}/{group}/{version}/`.
    case custom(publisher: String, group: String, version: String)
    /// Classic OData V4 web services (published pages and queries): `ODataV4/`.
    case odataV4

    /// The route relative to the environment root, ending with `/`.
    public var path: String {
        switch self {
        case .v2: return "api/v2.0/"
        case .automation: return "api/microsoft/automation/v2.0/"
        case .custom(let publisher, let group, let version):
            return
                "api/\(URLEncoding.pathSegment(publisher))/\(URLEncoding.pathSegment(group))/\(URLEncoding.pathSegment(version))/"
        case .odataV4: return "ODataV4/"
        }
    }
}
