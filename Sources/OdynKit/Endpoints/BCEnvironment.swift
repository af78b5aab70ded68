import AuthCore
import Foundation

/// Where a Business Central environment lives: BC online (tenant and environment name) or an
/// on-premises server instance.
public struct BCEnvironment: Sendable, Equatable {
    /// BC online's API host.
    public static let onlineHost = "https://api.businesscentral.dynamics.com"

    /// The environment root, ending with `/` (for example `https://api.businesscentral.dynamics.com/v2.0/<tenant>/Production/`).
    public let root: String

    /// BC online: `https://api.businesscentral.dynamics.com/v2.0/{tenantId}/{environment}/`.
    ///
    /// - Parameters:
    ///   - tenantId: A GUID or domain; `nil` uses the common endpoint (`/v2.0/{environment}/`), where the
    ///     tenant comes from the token.
    ///   - environment: The environment name, for example `Production` or `Sandbox`.
    public init(tenantId: String? = nil, environment: String) {
        let tenant = tenantId.map { URLEncoding.pathSegment($0) + "/" } ?? ""
        self.root = "\(BCEnvironment.onlineHost)/v2.0/\(tenant)\(URLEncoding.pathSegment(environment))/"
    }

    /// An on-premises server instance, for example `https://bc.example.com:7048/BC/`.
    ///
    /// - Throws: ``OdynError`` of code `invalidURL` for a bad URL.
    public static func onPremises(_ instanceURL: String) throws -> BCEnvironment {
        BCEnvironment(root: try OdynClient.normalizeBaseURL(instanceURL).absoluteString)
    }

    private init(root: String) {
        self.root = root
    }

    /// The service root of an API route, for example `{root}api/v2.0/`.
    public func serviceRoot(_ route: BCAPIRoute = .v2) -> String {
        root + route.path
    }
}
