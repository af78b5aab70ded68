import AuthCore
import HTTPTypes
import TestSupport
import Testing

@testable import OdynKit

@Suite("User-Agent")
struct UserAgentTests {
    static let expected = "OdynKit/\(OdynKitVersion.current) AuthCore/\(AuthCoreVersion.current) ("

    @Test("Business Central and the Entra token endpoint are told the kit's and AuthCore's versions")
    func sentEverywhere() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/token-response.json"), path: BC.tokenPath)
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"), path: BC.apiPath)
        let client = try BC.client(transport: transport, session: OdynSession.clientCredentials(BC.credentials()))
        _ = try await client.get("vendors")
        #expect(transport.requests.count == 2)
        for request in transport.requests {
            #expect(request.headers[.userAgent]?.hasPrefix(Self.expected) == true, "\(request.path)")
        }
    }

    @Test("a User-Agent in the session's headers wins")
    func sessionOverrides() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"), path: BC.apiPath)
        let session = try BC.session().with(headers: [.userAgent: "PayrollSync/4.1"])
        _ = try await BC.client(transport: transport, session: session).get("vendors")
        #expect(transport.requests.first?.headers[fields: .userAgent].map(\.value) == ["PayrollSync/4.1"])
    }
}
