import AuthCore
import Foundation
import Testing

@Suite("File token store: symbolic links and unreadable paths")
struct FileTokenStoreLinkTests {
    /// Another program's JSON file, with an access token and a secret of its own.
    static let otherFile = #"{"access_token":"at-other","other_secret":"os-canary-5e6f","refresh_token":"rt-other"}"#

    @Test("saving over a symbolic link replaces the link with a regular file and copies nothing from its target")
    func saveOverLink() async throws {
        let folder = try TokenFiles.temporaryFolder()
        let target = folder.appendingPathComponent("other.json")
        let file = folder.appendingPathComponent("token.json")
        try TokenFiles.write(Self.otherFile, to: target)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
        try await FileTokenStore(url: file).saveToken(OAuth2Token(accessToken: "at-mine"))
        #expect(TokenFiles.isRegularFile(file))
        #expect(try TokenFiles.mode(file) == 0o600)
        let members = try TokenFiles.members(file)
        #expect(members["other_secret"] == nil)
        #expect(members["refresh_token"] == nil)
        #expect(members["access_token"] as? String == "at-mine")
        #expect(try String(contentsOf: target, encoding: .utf8) == Self.otherFile)
    }

    @Test("loading through a symbolic link is refused, so another file's token is never used")
    func loadThroughLink() async throws {
        let folder = try TokenFiles.temporaryFolder()
        let target = folder.appendingPathComponent("other.json")
        let file = folder.appendingPathComponent("token.json")
        try TokenFiles.write(Self.otherFile, to: target)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
        let error = await #expect(throws: TokenStoreError.self) { try await FileTokenStore(url: file).loadToken() }
        #expect(error?.code == .ioFailure)
        #expect(error?.description.contains("symbolic link") == true)
        #expect(error?.description.contains("os-canary") == false)
    }

    @Test("saving nil over a symbolic link removes the link, not its target")
    func removeLink() async throws {
        let folder = try TokenFiles.temporaryFolder()
        let target = folder.appendingPathComponent("other.json")
        let file = folder.appendingPathComponent("token.json")
        try TokenFiles.write(Self.otherFile, to: target)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
        try await FileTokenStore(url: file).saveToken(nil)
        #expect(!TokenFiles.isSymbolicLink(file))
        #expect(try String(contentsOf: target, encoding: .utf8) == Self.otherFile)
    }

    @Test("a path that exists but cannot be read makes save throw and leaves it in place")
    func unreadableExistingPath() async throws {
        let file = try TokenFiles.shortFolder().appendingPathComponent("token.json")
        // Tests may run as root, which reads a mode-000 file; a socket cannot be opened by anyone.
        let socket = try TokenFiles.bindSocket(at: file)
        defer { close(socket) }
        let error = await #expect(throws: TokenStoreError.self) {
            try await FileTokenStore(url: file).saveToken(OAuth2Token(accessToken: "at-new"))
        }
        #expect(error?.code == .ioFailure)
        #expect(error?.description.contains("not overwritten") == true)
        #expect(TokenFiles.isSocket(file))
    }

    @Test(
        "a mode-000 token file makes save throw instead of dropping its members",
        .enabled(if: getuid() != 0, "root reads any file regardless of its mode")
    )
    func permissionDenied() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        try TokenFiles.write(#"{"access_token":"at","client_id":"host-app"}"#, to: file)
        chmod(file.path, 0)
        defer { chmod(file.path, 0o600) }
        let error = await #expect(throws: TokenStoreError.self) {
            try await FileTokenStore(url: file).saveToken(OAuth2Token(accessToken: "at-new"))
        }
        #expect(error?.code == .ioFailure)
        chmod(file.path, 0o600)
        #expect(try TokenFiles.members(file)["client_id"] as? String == "host-app")
    }

    @Test("a pipe at the token path is refused at once, not waited on")
    func pipeIsNotRead() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        #expect(mkfifo(file.path, 0o600) == 0)
        let error = await #expect(throws: TokenStoreError.self) { try await FileTokenStore(url: file).loadToken() }
        #expect(error?.code == .ioFailure)
    }

    @Test("a corrupt file is replaced by a new save, so a new login repairs it")
    func corruptFileIsReplaced() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        try TokenFiles.write(#"{"access_token": "at-half"#, to: file)
        let store = FileTokenStore(url: file)
        await #expect(throws: TokenStoreError.self) { try await store.loadToken() }
        try await store.saveToken(OAuth2Token(accessToken: "at-new"))
        #expect(try await store.loadToken()?.accessToken == "at-new")
    }
}
