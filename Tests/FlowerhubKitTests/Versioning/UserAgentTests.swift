import AuthCore
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("User-Agent")
struct UserAgentTests {
    @Test("the portal is told the kit's and AuthCore's versions")
    func sent() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("login.json"), method: .post, path: "/auth/login")
        _ = try await harness.client.login(username: "kim@example.test", password: "pw")
        let request = try #require(harness.transport.requests.first)
        let expected = "FlowerhubKit/\(FlowerhubKitVersion.current) AuthCore/\(AuthCoreVersion.current) ("
        #expect(request.headers[.userAgent]?.hasPrefix(expected) == true)
    }

    @Test("a User-Agent in additionalHeaders replaces the kit's")
    func overridden() async throws {
        let harness = try await Harness { $0.additionalHeaders = [.userAgent: "HomeBridge/2.0"] }
        harness.transport.enqueue(fh("login.json"), method: .post, path: "/auth/login")
        _ = try await harness.client.login(username: "kim@example.test", password: "pw")
        let request = try #require(harness.transport.requests.first)
        #expect(request.headers[fields: .userAgent].map(\.value) == ["HomeBridge/2.0"])
    }
}
