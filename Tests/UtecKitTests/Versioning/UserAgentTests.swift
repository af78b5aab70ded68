import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import UtecKit

@Suite("User-Agent")
struct UserAgentTests {
    static let expected = "UtecKit/\(UtecKitVersion.current) AuthCore/\(AuthCoreVersion.current) ("

    @Test("the action API is told the kit's and AuthCore's versions")
    func actionAPI() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery.json"))
        _ = try await UT.client(transport: transport).discoverDevices()
        let request = try #require(transport.requests.first)
        #expect(request.headers[.userAgent]?.hasPrefix(Self.expected) == true)
    }

    @Test("so is the token endpoint")
    func tokenEndpoint() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("token.json"), path: "/token")
        let oauth = try UT.oauth(transport: transport)
        let pending = oauth.beginAuthorization()
        let state = try #require(
            URLComponents(url: pending.url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "state" }?
                .value)
        _ = try await pending.complete(callbackURL: URL(string: "\(UT.redirect)?code=c-1&state=\(state)")!)
        #expect(transport.requests.first?.headers[.userAgent]?.hasPrefix(Self.expected) == true)
    }
}
