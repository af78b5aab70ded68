import AuthCore
import Foundation
import Testing
import VendorFixtures

@Suite("File token store")
struct FileTokenStoreTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "authcore-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("round trip, written with mode 0600")
    func roundTrip() async throws {
        let file = try temporaryFolder().appendingPathComponent("token.json")
        let store = FileTokenStore(url: file)
        #expect(try await store.loadToken() == nil)
        let token = OAuth2Token(
            accessToken: "a", refreshToken: "r", expiresAt: Date(timeIntervalSince1970: 1_800_000_000.5),
            tokenType: "Bearer", scope: "x y"
        )
        try await store.saveToken(token)
        #expect(try mode(file) == 0o600)
        #expect(try await store.loadToken() == token)
        let json = try JSONValue(jsonData: Data(contentsOf: file))
        #expect(json["expires_at"]?.doubleValue == 1_800_000_000.5)
        #expect(json["access_token"] == "a")
    }

    @Test("replacement is atomic: a new file takes the old one's place and no temporary file is left")
    func atomicReplacement() async throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("token.json")
        try Fixture.data("authcore/token-file.json").write(to: file)
        chmod(file.path, 0o644)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? NSNumber
        let store = FileTokenStore(url: file)
        let loaded = try #require(try await store.loadToken())
        #expect(loaded.accessToken == "at-canary-file-0a0b0c0d")
        #expect(loaded.additionalFields["client_id"] == "host-app-client")
        var updated = loaded
        updated.accessToken = "new-access"
        try await store.saveToken(updated)
        let after = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? NSNumber
        #expect(before != after)
        #expect(try mode(file) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["token.json"])
        let json = try JSONValue(jsonData: Data(contentsOf: file))
        #expect(json["access_token"] == "new-access")
        #expect(json["redirect_uri"] == "http://localhost:4200/")
    }

    @Test("a truncated file is a corrupt-file error that names the file but not its contents")
    func corruptFile() async throws {
        let file = try temporaryFolder().appendingPathComponent("token.json")
        try Fixture.data("authcore/token-file-truncated.json").write(to: file)
        let error = await #expect(throws: TokenStoreError.self) { try await FileTokenStore(url: file).loadToken() }
        #expect(error?.code == .corrupt)
        #expect(error?.description.contains(file.lastPathComponent) == true)
        #expect(error?.description.contains("at-canary-trunc") == false)
    }

    @Test("JSON without an access token is corrupt too")
    func noAccessToken() async throws {
        let file = try temporaryFolder().appendingPathComponent("token.json")
        try Data(#"{"refresh_token":"r"}"#.utf8).write(to: file)
        let error = await #expect(throws: TokenStoreError.self) { try await FileTokenStore(url: file).loadToken() }
        #expect(error?.code == .corrupt)
    }

    @Test("saving nil removes the file; writing into a missing folder fails clearly")
    func deleteAndFailures() async throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("token.json")
        let store = FileTokenStore(url: file)
        try await store.saveToken(OAuth2Token(accessToken: "a"))
        try await store.saveToken(nil)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let missing = FileTokenStore(url: folder.appendingPathComponent("nope/token.json"))
        let error = await #expect(throws: TokenStoreError.self) {
            try await missing.saveToken(OAuth2Token(accessToken: "a"))
        }
        #expect(error?.code == .ioFailure)
    }
}
