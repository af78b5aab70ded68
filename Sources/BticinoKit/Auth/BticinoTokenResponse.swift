import AuthCore
import Foundation

/// Reads Netatmo's token answers: AuthCore's standard reader (`expires_in` or `expire_in`,
/// `scope` as a string or an array), with a missing access token reported as `missingTokens`.
enum BticinoTokenResponse {
    static let decoder: TokenResponseDecoder = { json, issuedAt in
        guard case .object(let object) = json else {
            throw BticinoError(.missingTokens, "the token answer is not a JSON object")
        }
        guard let access = object["access_token"]?.stringValue, !access.isEmpty else {
            throw BticinoError(.missingTokens, "the token answer has no access_token")
        }
        return try TokenResponse.standard(json, issuedAt)
    }
}
