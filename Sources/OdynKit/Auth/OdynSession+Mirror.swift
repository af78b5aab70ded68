import AuthCore
import Foundation

// `dump()` walks stored properties, including a token provider the host wrote and the session
// headers. These mirrors show what a person debugging needs and nothing that could be a credential.

extension OdynSession: CustomReflectable {
    /// The kind of authentication and the session header fields with credential values redacted.
    public var customMirror: Mirror {
        let redacted = Redactor.default.redact(headers: headers).sorted { $0.key < $1.key }
        let headerLines = redacted.map { "\($0.key): \($0.value)" }
        return Mirror(
            self,
            children: ["authentication": authentication, "headers": headerLines],
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
