import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing

@Suite("Static credentials and host-owned tokens")
struct StaticCredentialsTests {
    @Test("bearer, basic and API-key headers")
    func headers() async throws {
        let transport = MockTransport { _ in .json(200, "{}") }
        for (credentials, name, value) in [
            (StaticCredentials.bearer("tok"), HTTPField.Name.authorization, "Bearer tok"),
            (
                StaticCredentials.basic(username: "WEBUSER", password: "pä:ss"), .authorization,
                "Basic V0VCVVNFUjpww6Q6c3M="
            ),
            (
                StaticCredentials.apiKey("k-123", header: HTTPField.Name("x-api-key")!), HTTPField.Name("x-api-key")!,
                "k-123"
            ),
        ] {
            let client = try TestHelpers.client(transport: transport) { $0.authenticator = credentials }
            _ = try await client.send(Endpoint<JSONValue>.json(.get, "/x"))
            #expect(transport.requests.last?.headers[name] == value)
        }
    }

    @Test("a 401 with a fixed credential fails at once as authenticationFailed")
    func staticRejected() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(401))
        let client = try TestHelpers.client(transport: transport, retryPolicy: .default) {
            $0.authenticator = StaticCredentials.bearer("tok")
        }
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/x")) }
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.requiresReauthentication == true)
        #expect(transport.requests.count == 1)
    }

    @Test("endpoints that do not require authentication get no credential")
    func unauthenticatedEndpoint() async throws {
        let transport = MockTransport { _ in .json(200, "{}") }
        let client = try TestHelpers.client(transport: transport) { $0.authenticator = StaticCredentials.bearer("tok") }
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/login", requiresAuthentication: false))
        #expect(transport.requests.first?.headers[.authorization] == nil)
    }

    @Test("a host-owned token function is asked again after a rejection, and a repeated token ends the call")
    func closureProvider() async throws {
        let calls = Mutex(0)
        let provider = ClosureTokenProvider {
            let count = calls.withLock { value -> Int in
                value += 1
                return value
            }
            return Secret(count == 1 ? "first" : "second")
        }
        let transport = MockTransport { request in
            request.headers[.authorization] == "Bearer first" ? .status(401) : .json(200, "{}")
        }
        let client = try TestHelpers.client(transport: transport) {
            $0.authenticator = BearerTokenAuthenticator(provider: provider)
        }
        _ = try await client.send(Endpoint<JSONValue>.json(.get, "/x"))
        #expect(transport.requests.map { $0.headers[.authorization] } == ["Bearer first", "Bearer second"])

        let stuck = ClosureTokenProvider { Secret("same") }
        let rejecting = MockTransport { _ in .status(401) }
        let stuckClient = try TestHelpers.client(transport: rejecting) {
            $0.authenticator = BearerTokenAuthenticator(provider: stuck)
        }
        let error = await TestHelpers.apiError { try await stuckClient.send(Endpoint<JSONValue>.json(.get, "/x")) }
        #expect(error?.kind == .reauthenticationRequired)
        #expect(rejecting.requests.count == 1)
    }
}
