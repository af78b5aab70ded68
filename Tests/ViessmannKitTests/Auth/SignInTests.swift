import AuthCore
import Crypto
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Sign-in with PKCE (scenario 14)")
struct SignInTests {
    static let iam = "https://iam.viessmann-climatesolutions.com/idp/v3"

    func client(_ transport: MockTransport, file: URL) throws -> ViessmannClient {
        try ViessmannClient(
            configuration: .init(clientID: "my-client-123", tokens: .file(file), timeSource: TestClock()),
            transport: transport)
    }

    static func query(_ url: URL) -> [String: String] {
        Dictionary(
            FormEncoding.decode(URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? ""),
            uniquingKeysWith: { first, _ in first })
    }

    @Test("the authorization URL has every parameter, the scope as IoT+User+offline_access, S256 and a state")
    func authorizationURL() throws {
        let folder = try temporaryFolder()
        let client = try client(MockTransport(), file: folder.appendingPathComponent("tokens.json"))
        let pending = try client.beginSignIn()
        let url = pending.url
        #expect(url.absoluteString.hasPrefix("\(Self.iam)/authorize?"))
        #expect(url.absoluteString.contains("scope=IoT+User+offline_access"))
        #expect(url.absoluteString.contains("redirect_uri=http%3A%2F%2Flocalhost%3A4200%2F"))
        let query = Self.query(url)
        #expect(query["client_id"] == "my-client-123")
        #expect(query["redirect_uri"] == "http://localhost:4200/")
        #expect(query["response_type"] == "code")
        #expect(query["scope"] == "IoT User offline_access")
        #expect(query["code_challenge_method"] == "S256")
        #expect(query["code_challenge"]?.count == 43)
        #expect((query["state"]?.count ?? 0) >= 22)
        let second = Self.query(try client.beginSignIn().url)
        #expect(second["state"] != query["state"])
        #expect(second["code_challenge"] != query["code_challenge"])
    }

    @Test("the RFC 7636 appendix B vector")
    func rfcVector() throws {
        let pkce = try PKCE(verifier: Secret("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        #expect(pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test("the exchange posts the exact form with the verifier matching the challenge, and saves the token 0600")
    func exchange() async throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("tokens.json")
        let transport = MockTransport()
        transport.enqueue(vi("token.json"), path: "/idp/v3/token")
        transport.enqueue(vi("installations.json"))
        let client = try client(transport, file: file)
        let pending = try client.beginSignIn()
        let query = Self.query(pending.url)
        let state = try #require(query["state"])
        try await client.completeSignIn(
            pending, callbackURL: URL(string: "http://localhost:4200/?code=auth-code-1&state=\(state)")!)
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "\(Self.iam)/token")
        #expect(request.headers[.authorization] == nil)
        let form = request.formFields
        #expect(form["grant_type"] == "authorization_code")
        #expect(form["client_id"] == "my-client-123")
        #expect(form["redirect_uri"] == "http://localhost:4200/")
        #expect(form["code"] == "auth-code-1")
        let verifier = try #require(form["code_verifier"])
        #expect(PKCE.challenge(for: verifier) == query["code_challenge"])
        #expect(Set(form.keys) == ["grant_type", "client_id", "redirect_uri", "code", "code_verifier"])
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let stored = try JSONValue(jsonData: Data(contentsOf: file))
        #expect(stored["access_token"] == "eyJhbGciOiJSUzI1NiJ9.fake.sig")
        #expect(stored["refresh_token"] == "rt-6f1c0e2a")
        #expect(stored["expires_at"]?.doubleValue == TestClock.defaultStart.timeIntervalSince1970 + 3600)
        _ = try await client.installations()
        #expect(transport.requests.last?.headers[.authorization] == "Bearer eyJhbGciOiJSUzI1NiJ9.fake.sig")
    }

    @Test("a wrong or missing state, a missing code, an OAuth error or a second use fail without a token request")
    func refusals() async throws {
        let folder = try temporaryFolder()
        let transport = MockTransport()
        let client = try client(transport, file: folder.appendingPathComponent("tokens.json"))
        for callback in [
            "http://localhost:4200/?code=c&state=forged", "http://localhost:4200/?code=c",
            "http://localhost:4200/?state=x", "http://localhost:4200/?error=access_denied",
        ] {
            let pending = try client.beginSignIn()
            let error = await caught { try await client.completeSignIn(pending, callbackURL: URL(string: callback)!) }
            #expect((error as? APIError)?.kind == .authenticationFailed, "\(callback)")
        }
        let pending = try client.beginSignIn()
        let state = try #require(Self.query(pending.url)["state"])
        _ = await caught { try await client.completeSignIn(pending, code: Secret("c"), state: "nope") }
        let reused = await caught { try await client.completeSignIn(pending, code: Secret("c"), state: state) }
        #expect((reused as? APIError)?.kind == .authenticationFailed)
        #expect(transport.requests.isEmpty)
    }

    @Test("a code the IAM refuses is authenticationFailed")
    func refusedCode() async throws {
        let folder = try temporaryFolder()
        let transport = MockTransport()
        transport.enqueue(vi("token_error_invalid_grant.json", 400))
        let client = try client(transport, file: folder.appendingPathComponent("tokens.json"))
        let pending = try client.beginSignIn()
        let state = try #require(Self.query(pending.url)["state"])
        let error = await caught { try await client.completeSignIn(pending, code: Secret("old"), state: state) }
        #expect((error as? APIError)?.requiresReauthentication == true)
        #expect((error as? APIError)?.vendorCode == "invalid_grant")
    }

    @Test("with a host token provider, sign-in is refused and the provider's token is sent")
    func hostProvider() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("gateways.json"))
        let client = try apiClient(transport)
        #expect(throws: ViessmannError.self) { try client.beginSignIn() }
        _ = try await client.gateways()
        #expect(transport.requests.first?.headers[.authorization] == "Bearer mock_access_token")
        await #expect(throws: ViessmannError.self) { _ = try await client.accessToken() }
    }

    @Test("configuration: empty client id, http to a remote host, bad timeouts and limits are refused")
    func configuration() throws {
        #expect(throws: ViessmannError.self) { try ViessmannClient(configuration: .init(clientID: " ")) }
        #expect(throws: ViessmannError.self) {
            try ViessmannClient(configuration: .init(clientID: "c", apiBaseURL: URL(string: "http://example.com")!))
        }
        #expect(throws: ViessmannError.self) {
            try ViessmannClient(configuration: .init(clientID: "c", iamBaseURL: URL(string: "ftp://example.com")!))
        }
        #expect(throws: ViessmannError.self) {
            try ViessmannClient(configuration: .init(clientID: "c", timeout: .zero))
        }
        #expect(throws: ViessmannError.self) {
            try ViessmannClient(configuration: .init(clientID: "c", maxConcurrentRequests: 0))
        }
        let loopback = try ViessmannClient(
            configuration: .init(clientID: "c", apiBaseURL: URL(string: "http://127.0.0.1:8080")!))
        #expect(loopback.description == "ViessmannClient(api: 'http://127.0.0.1:8080/', tokens: store)")
    }
}
