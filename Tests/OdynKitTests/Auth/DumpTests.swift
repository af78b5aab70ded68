import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

/// A host app's own token source that keeps its token in a plain string.
private struct PlainTokenSource: AccessTokenProvider {
    let token: String

    func accessToken() async throws -> AccessToken {
        AccessToken(value: Secret(token), version: CredentialVersion(1))
    }

    func accessToken(afterRejecting version: CredentialVersion) async throws -> AccessToken {
        try await accessToken()
    }
}

@Suite("dump() of clients and sessions")
struct DumpTests {
    static func dumped(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    @Test("after a token was fetched, dump shows neither the token, its other members nor the client secret")
    func clientCredentials() async throws {
        let secret = "dump-canary-client-secret"
        let transport = MockTransport()
        let token =
            #"{"token_type":"Bearer","expires_in":3599,"access_token":"dump-canary-access-token","#
            + #""id_token":"dump-canary-id-token","refresh_token":"dump-canary-refresh"}"#
        transport.enqueue(.json(200, token), path: BC.tokenPath)
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"), path: BC.apiPath)
        let credentials = try BC.credentials(secret: Secret(secret))
        let session = OdynSession.clientCredentials(credentials)
            .with(headers: BC.header("X-Api-Key", "dump-canary-header"))
        let client = try BC.client(transport: transport, session: session)
        _ = try await client.get("vendors")
        #expect(transport.requests(to: BC.apiPath).first?.headers[.authorization] == "Bearer dump-canary-access-token")

        let dumps = [client, session, credentials, client.pages("vendors")] as [Any]
        let text = dumps.map(Self.dumped).joined(separator: "\n")
        let canaries = [
            secret, "dump-canary-access-token", "dump-canary-id-token", "dump-canary-refresh", "dump-canary-header",
        ]
        for canary in canaries {
            #expect(!text.contains(canary), "dump shows \(canary)")
        }
        #expect(text.contains(BC.tenant))
        #expect(text.contains("clientCredentials"))
        #expect(text.contains(BC.api))
    }

    @Test("static bearer, basic and API-key sessions and a host's token source dump without their credentials")
    func staticCredentials() async throws {
        let key = "dump-canary-basic-key"
        let encoded = Data("WEBUSER:\(key)".utf8).base64EncodedString()
        let custom = OdynSession(authentication: .authenticator(StaticCredentials.bearer("dump-canary-auth")))
        let sessions: [(OdynSession, [String])] = [
            (try OdynSession.bearer("dump-canary-bearer"), ["dump-canary-bearer"]),
            (try OdynSession.basic(username: "WEBUSER", password: Secret(key)), [key, encoded]),
            (try OdynSession.apiKey("dump-canary-api-key"), ["dump-canary-api-key"]),
            (OdynSession.tokenProvider(PlainTokenSource(token: "dump-canary-provided")), ["dump-canary-provided"]),
            (custom, ["dump-canary-auth"]),
        ]
        for (session, canaries) in sessions {
            let transport = MockTransport()
            transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
            let client = try BC.client(transport: transport, session: session)
            _ = try await client.get("vendors")
            let text = Self.dumped(client) + Self.dumped(session)
            for canary in canaries { #expect(!text.contains(canary), "dump shows \(canary)") }
        }
    }
}
