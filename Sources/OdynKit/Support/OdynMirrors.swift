import AuthCore
import Foundation

// `dump()` walks stored properties, including those of the AuthCore client, the authenticator, a
// token provider the host wrote and the session headers. These mirrors show the settings a person
// debugging needs and nothing that could be a credential.

extension OdynClient: CustomReflectable {
    /// The base URL, timeout, pagination and session; never the pipeline, its authenticator or tokens.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL.absoluteString, "session": session, "timeout": "\(timeout)",
                "pagination": pagination,
            ],
            displayStyle: .struct
        )
    }
}

extension OdynSession: CustomReflectable {
    /// The kind of authentication, the retry settings and the session header fields with credential
    /// values redacted.
    public var customMirror: Mirror {
        let redacted = Redactor.default.redact(headers: headers).sorted { $0.key < $1.key }
        let headerLines = redacted.map { "\($0.key): \($0.value)" }
        return Mirror(
            self,
            children: ["authentication": authentication, "retry": retry, "headers": headerLines],
            displayStyle: .struct
        )
    }
}

extension OdynSession.Authentication: CustomReflectable {
    /// The case and its harmless parts only: a user name, a header name, a token provider's type.
    public var customMirror: Mirror {
        let children: KeyValuePairs<String, Any>
        switch self {
        case .none: children = ["kind": "none"]
        case .bearer: children = ["kind": "bearer", "token": Redactor.placeholder]
        case .basic(let username, _):
            children = ["kind": "basic", "username": username, "password": Redactor.placeholder]
        case .apiKey(_, let header):
            children = ["kind": "apiKey", "header": header.canonicalName, "key": Redactor.placeholder]
        case .tokenProvider(let provider):
            children = ["kind": "tokenProvider", "type": "\(type(of: provider))"]
        case .authenticator(let authenticator):
            children = ["kind": "authenticator", "type": "\(type(of: authenticator))"]
        case .clientCredentials(let credentials):
            children = ["kind": "clientCredentials", "credentials": credentials]
        }
        return Mirror(self, children: children, displayStyle: .enum)
    }
}

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
