import AuthCore
import Foundation
import Testing

@Suite("OAuth2Token")
struct OAuth2TokenTests {
    static let token = OAuth2Token(
        accessToken: "at-canary-dump-1", refreshToken: "rt-canary-dump-2",
        expiresAt: Date(timeIntervalSince1970: 1_800_000_000),
        scope: "openid", additionalFields: ["id_token": "eyJ-id-canary-3", "session": ["key": "sk-canary-4"]]
    )
    static let canaries = ["at-canary-dump-1", "rt-canary-dump-2", "eyJ-id-canary-3", "sk-canary-4"]

    struct Holder {
        let token: OAuth2Token
        let optional: OAuth2Token?
        let list: [OAuth2Token]
    }

    @Test("dump of a token, or of something holding one, shows the additional field names but no values")
    func dumpIsRedacted() {
        var output = ""
        dump(Self.token, to: &output)
        dump(Holder(token: Self.token, optional: Self.token, list: [Self.token]), to: &output)
        for canary in Self.canaries {
            #expect(!output.contains(canary), "dump leaked \(canary.prefix(6))…")
        }
        #expect(output.contains("id_token"))
        #expect(output.contains("session"))
        #expect(output.contains("openid"))
        #expect(!"\(Self.token)".contains("canary"))
        #expect(!String(reflecting: Self.token).contains("canary"))
    }

    @Test("a non-finite expiry becomes an unknown one, from the initializer or a later assignment")
    func nonFiniteExpiry() throws {
        var token = OAuth2Token(accessToken: "at", expiresAt: Date(timeIntervalSince1970: .infinity))
        #expect(token.expiresAt == nil)
        token.expiresAt = Date(timeIntervalSince1970: .nan)
        #expect(token.expiresAt == nil)
        token.expiresAt = Date(timeIntervalSince1970: 1e300)
        #expect(token.expiresAt?.timeIntervalSince1970 == 1e300)
        token.expiresAt = Date(timeIntervalSince1970: -.infinity)
        #expect(token.expiresAt == nil)
        _ = try JSONEncoder().encode(token)
    }

    @Test(
        "decoding refuses an empty access token and an expiry that is not a finite number",
        arguments: [
            #"{"access_token":""}"#,
            #"{"access_token":"at","expires_at":"nan"}"#,
            #"{"access_token":"at","expires_at":"inf"}"#,
            #"{"access_token":"at","expires_at":"soon"}"#,
        ]
    )
    func decodingRefusesUnusableValues(_ text: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OAuth2Token.self, from: Data(text.utf8)) }
    }

    @Test("decoding reads numbers, numeric strings, null and a missing expiry")
    func decodingReadsExpiries() throws {
        func expiry(_ text: String) throws -> Double? {
            try JSONDecoder().decode(OAuth2Token.self, from: Data(text.utf8)).expiresAt?.timeIntervalSince1970
        }
        #expect(try expiry(#"{"access_token":"at","expires_at":1e300}"#) == 1e300)
        #expect(try expiry(#"{"access_token":"at","expires_at":"1800000000.5"}"#) == 1_800_000_000.5)
        #expect(try expiry(#"{"access_token":"at","expires_at":null}"#) == nil)
        #expect(try expiry(#"{"access_token":"at"}"#) == nil)
    }
}
