import AuthCore
import Foundation
import Testing

@Suite("File token store: sizes and values")
struct FileTokenStoreContentTests {
    @Test("a 200 MB file is refused as corrupt after reading only the size cap")
    func hugeFile() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // sparse: no disk space, no time
        try handle.close()
        let error = await #expect(throws: TokenStoreError.self) { try await FileTokenStore(url: file).loadToken() }
        #expect(error?.code == .corrupt)
        #expect(error?.reason.contains("larger than \(FileTokenStore.maximumFileSize) bytes") == true)
    }

    @Test("a valid token file one byte over the cap is corrupt; one exactly at the cap loads")
    func capBoundary() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        let frame = #"{"access_token":"at","padding":""}"#
        let padding = String(repeating: "x", count: FileTokenStore.maximumFileSize - frame.utf8.count)
        try TokenFiles.write(#"{"access_token":"at","padding":"\#(padding)"}"#, to: file)
        #expect(try await FileTokenStore(url: file).loadToken()?.accessToken == "at")
        try TokenFiles.write(#"{"access_token":"at","padding":"\#(padding)x"}"#, to: file)
        let error = await #expect(throws: TokenStoreError.self) { try await FileTokenStore(url: file).loadToken() }
        #expect(error?.code == .corrupt)
    }

    @Test(
        "an empty access token or an expiry that is not a finite number is corrupt",
        arguments: [
            #"{"access_token":""}"#,
            #"{"access_token":"at","expires_at":"nan"}"#,
            #"{"access_token":"at","expires_at":"inf"}"#,
            #"{"access_token":"at","expires_at":"-Infinity"}"#,
            #"{"access_token":"at","expires_at":"1e999"}"#,
            #"{"access_token":"at","expires_at":"soon"}"#,
            #"{"access_token":"at","expires_at":true}"#,
            #"{"access_token":"at","expires_at":1e999}"#,
        ]
    )
    func unusableValues(_ text: String) async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        try TokenFiles.write(text, to: file)
        let error = await #expect(throws: TokenStoreError.self) { try await FileTokenStore(url: file).loadToken() }
        #expect(error?.code == .corrupt)
    }

    @Test("a far-future expiry of 1e300 loads, and saving keeps a member JSONValue cannot hold")
    func hugeNumbers() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        try TokenFiles.write(#"{"access_token":"at","expires_at":1e300,"host_counter":1e200}"#, to: file)
        let store = FileTokenStore(url: file)
        let token = try #require(try await store.loadToken())
        #expect(token.expiresAt?.timeIntervalSince1970 == 1e300)
        #expect(!token.needsRefresh(at: Date(), skew: .seconds(300)))
        var renewed = token
        renewed.accessToken = "at-2"
        try await store.saveToken(renewed)
        let members = try TokenFiles.members(file)
        #expect((members["host_counter"] as? NSNumber)?.doubleValue == 1e200)
        #expect((members["expires_at"] as? NSNumber)?.doubleValue == 1e300)
        #expect(try await store.loadToken()?.expiresAt == token.expiresAt)
    }

    @Test("a numeric-string expiry still loads")
    func stringExpiry() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        try TokenFiles.write(#"{"access_token":"at","expires_at":" 1893456000.5 ","refresh_token":null}"#, to: file)
        let token = try #require(try await FileTokenStore(url: file).loadToken())
        #expect(token.expiresAt == Date(timeIntervalSince1970: 1_893_456_000.5))
        #expect(token.refreshToken == nil)
    }

    @Test("members of the token's own that it no longer has are removed; other members stay")
    func staleKnownMembers() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        let store = FileTokenStore(url: file)
        let old = #"{"access_token":"old","refresh_token":"rt","expires_at":5,"scope":"a","token_type":"mac","#
        try TokenFiles.write(old + #""client_id":"c"}"#, to: file)
        let new = OAuth2Token(accessToken: "new", tokenType: nil, additionalFields: ["expires_at": "x"])
        try await store.saveToken(new)
        let members = try TokenFiles.members(file)
        #expect(Set(members.keys) == ["access_token", "client_id"])
        #expect(try TokenFiles.mode(file) == 0o600)
    }

    @Test("a token with a non-finite expiry is saved without one")
    func nonFiniteExpiryIsNotStored() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        let store = FileTokenStore(url: file)
        try await store.saveToken(OAuth2Token(accessToken: "at", expiresAt: Date(timeIntervalSince1970: .infinity)))
        #expect(try TokenFiles.members(file)["expires_at"] == nil)
        #expect(try await store.loadToken()?.expiresAt == nil)
    }
}
