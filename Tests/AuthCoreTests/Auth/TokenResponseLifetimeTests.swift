import AuthCore
import Foundation
import Testing

@Suite("Token response lifetimes")
struct TokenResponseLifetimeTests {
    static let issuedAt = Date(timeIntervalSince1970: 1_800_000_000)

    func token(expiresIn value: JSONValue, key: String = "expires_in") throws -> OAuth2Token {
        try TokenResponse.standard(["access_token": "at-1", "token_type": "Bearer", key: value], Self.issuedAt)
    }

    @Test(
        "a lifetime that is not a sane number of seconds is ignored: the token is kept, its expiry unknown",
        arguments: [
            "inf", "1e999", "nan", "-inf", "Infinity", "-5", "0", "1e300", "soon", "",
            -1, 0, 1e300, 4e9, true, .null,
        ] as [JSONValue]
    )
    func unusableLifetime(_ value: JSONValue) throws {
        let token = try token(expiresIn: value)
        #expect(token.accessToken == "at-1")
        #expect(token.expiresAt == nil)
        _ = try JSONEncoder().encode(token)
    }

    @Test(
        "a usable lifetime, as a number or a numeric string, sets the expiry",
        arguments: [3600, " 3600 "] as [JSONValue]
    )
    func usableLifetime(_ value: JSONValue) throws {
        #expect(try token(expiresIn: value).expiresAt == Self.issuedAt.addingTimeInterval(3600))
        #expect(try token(expiresIn: value, key: "expire_in").expiresAt == Self.issuedAt.addingTimeInterval(3600))
    }

    @Test("a token whose lifetime was unusable is saved to a file without an expiry")
    func reachesNoStore() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        try await FileTokenStore(url: file).saveToken(try token(expiresIn: "inf"))
        #expect(try TokenFiles.members(file)["expires_at"] == nil)
        #expect(try TokenFiles.members(file)["access_token"] as? String == "at-1")
    }
}
