import Foundation
import HTTPTypes

/// A fixed credential: a bearer token, HTTP basic credentials or an API-key header.
///
/// Nothing can be refreshed, so a 401 ends the call with `authenticationFailed`.
public struct StaticCredentials: APIAuthenticator {
    private let name: HTTPField.Name
    private let value: Secret

    /// `Authorization: Bearer <token>`.
    public static func bearer(_ token: Secret) -> StaticCredentials {
        StaticCredentials(name: .authorization, value: Secret("Bearer \(token.revealed)"))
    }

    /// `Authorization: Basic base64(username:password)` (UTF-8).
    public static func basic(username: String, password: Secret) -> StaticCredentials {
        let encoded = Data("\(username):\(password.revealed)".utf8).base64EncodedString()
        return StaticCredentials(name: .authorization, value: Secret("Basic \(encoded)"))
    }

    /// An API key in a header of the vendor's choosing (for example `x-api-key`).
    public static func apiKey(_ key: Secret, header: HTTPField.Name) -> StaticCredentials {
        StaticCredentials(name: header, value: key)
    }

    /// Sets the header.
    public func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion {
        request.headerFields[name] = value.revealed
        return CredentialVersion(0)
    }

    /// A fixed credential cannot be replaced: never retries.
    public func recover(
        fromRejectionOf version: CredentialVersion,
        error: APIError,
        channel: RecoveryChannel
    ) async throws -> Bool {
        false
    }
}
