import Foundation

/// What `vendorctl utec login` keeps besides the token (in `utec-login.json`, mode 0600): the
/// client id and the endpoints, so a later run can refresh. The client secret is never stored.
struct UtecLoginFile: Codable, Sendable, Equatable {
    static let fileName = "utec-login.json"
    static let tokenFileName = "utec-token.json"
    static let currentFormat = 1

    var format: Int
    var clientId: String
    var redirectURI: String
    var apiBaseURL: String
    var authorizeURL: String
    var tokenURL: String

    enum CodingKeys: String, CodingKey {
        case format
        case clientId
        case redirectURI
        case apiBaseURL
        case authorizeURL
        case tokenURL
    }

    /// Checks what a hand-edited or damaged file could get wrong.
    func validated(path: String) throws -> UtecLoginFile {
        func damaged(_ reason: String) -> CommandFailure {
            .authentication("the U-Tec login file \(path) is damaged (\(reason)); run 'vendorctl utec login'")
        }
        guard format == Self.currentFormat else { throw damaged("unknown format \(format)") }
        guard !clientId.isEmpty else { throw damaged("no client id") }
        for url in [apiBaseURL, authorizeURL, tokenURL] where URL(string: url)?.host == nil {
            throw damaged("an endpoint is not a URL")
        }
        return self
    }
}
