import AuthCore
import Foundation

extension EntraClientCredentials: CustomReflectable {
    /// Tenant, client id, scope, token URL and skew; the client secret only as `<redacted>`.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "tenantId": tenantId, "clientId": clientId, "clientSecret": Redactor.placeholder, "scope": scope,
                "refreshSkew": "\(refreshSkew)", "tokenURL": tokenURL.absoluteString,
            ],
            displayStyle: .struct
        )
    }
}
