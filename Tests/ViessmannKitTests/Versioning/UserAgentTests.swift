import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("User-Agent")
struct UserAgentTests {
    static let expected = "ViessmannKit/\(ViessmannKitVersion.current) AuthCore/\(AuthCoreVersion.current) ("

    @Test("the IoT API and the IAM token endpoint are told the kit's and AuthCore's versions")
    func sentEverywhere() async throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("tokens.json")
        try JSONValue.object(["access_token": "at", "refresh_token": "rt", "expires_at": 1]).jsonData().write(to: file)
        let transport = MockTransport { request in
            request.url.path.hasSuffix("/token") ? vi("token_refreshed.json") : vi("gateways.json")
        }
        let client = try ViessmannClient(
            configuration: .init(clientID: "c", tokens: .file(file), timeSource: TestClock()), transport: transport)
        _ = try await client.gateways()
        #expect(transport.requests.count == 2)
        for request in transport.requests {
            #expect(request.headers[.userAgent]?.hasPrefix(Self.expected) == true, "\(request.path)")
        }
    }
}
