import AuthCore
import Foundation
import Testing

@Suite("File token store: concurrent writers")
struct FileTokenStoreConcurrencyTests {
    /// Starts 50 saves at once, writer `n` through `stores[n % stores.count]`, each adding member
    /// `writer_n`; returns the members of the file afterwards.
    func saveConcurrently(through stores: [FileTokenStore], file: URL) async throws -> [String: Any] {
        try TokenFiles.write(#"{"access_token":"at-0","client_id":"host-app"}"#, to: file)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<50 {
                let store = stores[writer % stores.count]
                group.addTask {
                    let token = OAuth2Token(
                        accessToken: Secret("at-\(writer)"),
                        additionalFields: ["writer_\(writer)": .string("w\(writer)")]
                    )
                    try await store.saveToken(token)
                }
            }
            try await group.waitForAll()
        }
        return try TokenFiles.members(file)
    }

    @Test("50 stores saving at once, each adding its own member, lose none of them")
    func separateStores() async throws {
        let file = try TokenFiles.temporaryFolder().appendingPathComponent("token.json")
        let stores = (0..<50).map { _ in FileTokenStore(url: file) }
        let members = try await saveConcurrently(through: stores, file: file)
        let lost = (0..<50).filter { members["writer_\($0)"] == nil }
        #expect(lost.isEmpty, "lost the members of writers \(lost)")
        #expect(members["client_id"] as? String == "host-app")
        let folder = file.deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["token.json"])
    }

    @Test("stores that reach the folder by different paths take turns through the folder lock")
    func differentSpellings() async throws {
        let folder = try TokenFiles.temporaryFolder()
        let alias = folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent)-alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: folder)
        defer { try? FileManager.default.removeItem(at: alias) }
        let file = folder.appendingPathComponent("token.json")
        let stores = [FileTokenStore(url: file), FileTokenStore(url: alias.appendingPathComponent("token.json"))]
        let members = try await saveConcurrently(through: stores, file: file)
        let lost = (0..<50).filter { members["writer_\($0)"] == nil }
        #expect(lost.isEmpty, "lost the members of writers \(lost)")
    }
}
