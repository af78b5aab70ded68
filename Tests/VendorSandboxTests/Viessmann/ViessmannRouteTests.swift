import AuthCore
import Foundation
import HTTPTypes
import Testing
import VendorSandbox

/// The sandbox's Viessmann answers to requests a client would not send.
@Suite("Viessmann sandbox routes")
struct ViessmannRouteTests {
    @Test("API calls without a valid token get Viessmann's 401 body")
    func unauthorized() async throws {
        try await withSandbox { sandbox in
            let url = sandbox.viessmannAPIURL.appendingPathComponent("iot/v2/equipment/installations")
            let none = try await RawHTTP.send(.get, url)
            #expect(none.status == 401)
            #expect(none.text.contains("UNAUTHORIZED"))
            let forged = try await RawHTTP.send(.get, url, headers: [.authorization: "Bearer forged"])
            #expect(forged.status == 401)
        }
    }

    @Test("authorize refuses an unknown client, plain PKCE and a missing offline_access scope")
    func authorizeRefusals() async throws {
        try await withSandbox { sandbox in
            let base = sandbox.viessmannIAMURL.absoluteString + "/authorize?"
            let good: [(String, String)] = [
                ("client_id", sandbox.viessmann.settings.clientID), ("redirect_uri", "http://127.0.0.1:9/"),
                ("response_type", "code"), ("scope", "IoT User offline_access"),
                ("code_challenge", String(repeating: "a", count: 43)), ("code_challenge_method", "S256"),
            ]
            func answer(_ change: (inout [(String, String)]) -> Void) async throws -> RawHTTP.Answer {
                var query = good
                change(&query)
                return try await RawHTTP.send(.get, URL(string: base + FormEncoding.encode(query))!)
            }
            let unknownClient = try await answer { $0[0].1 = "someone-else" }
            #expect(unknownClient.text.contains("invalid_client"))
            let plain = try await answer { $0[5].1 = "plain" }
            #expect(plain.status == 400)
            let noOffline = try await answer { $0[3].1 = "IoT User" }
            #expect(noOffline.status == 400)
            let noIoTUser = try await answer { $0[3].1 = "offline_access" }
            #expect(noIoTUser.status == 400)
            let splitIoTUser = try await answer { $0[3].1 = "User IoT offline_access" }
            #expect(splitIoTUser.status == 400)
            let shortChallenge = try await answer { $0[4].1 = "short" }
            #expect(shortChallenge.status == 400)
        }
    }

    @Test("the authorize redirect encodes code and state so a form decoder reads them back exactly (+ / = %)")
    func authorizeRedirectEncoding() async throws {
        try await withSandbox { sandbox in
            let callback = try ViessmannSandbox.callbackServer()
            defer { callback.stop() }
            let state = "a+b/c=d%e&g=="
            let query = FormEncoding.encode([
                ("client_id", sandbox.viessmann.settings.clientID),
                ("redirect_uri", callback.baseURL.absoluteString + "/cb?keep=1"), ("response_type", "code"),
                ("scope", "IoT User offline_access"), ("state", state),
                ("code_challenge", String(repeating: "a", count: 43)), ("code_challenge_method", "S256"),
            ])
            _ = try await RawHTTP.send(
                .get, URL(string: sandbox.viessmannIAMURL.absoluteString + "/authorize?" + query)!)
            let target = try #require(callback.requests.last?.target)
            let rawQuery = try #require(URLComponents(string: target)?.percentEncodedQuery)
            let fields = FormEncoding.decode(rawQuery)
            #expect(fields.first { $0.0 == "state" }?.1 == state)
            #expect(fields.first { $0.0 == "keep" }?.1 == "1")
            #expect(fields.first { $0.0 == "code" }?.1.isEmpty == false)
        }
    }

    @Test("the token endpoint refuses unknown grants, unknown refresh tokens and other clients")
    func tokenRefusals() async throws {
        try await withSandbox { sandbox in
            let url = sandbox.viessmannIAMURL.appendingPathComponent("token")
            func post(_ form: [(String, String)]) async throws -> RawHTTP.Answer {
                try await RawHTTP.send(
                    .post, url, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: Data(FormEncoding.encode(form).utf8))
            }
            let client = sandbox.viessmann.settings.clientID
            #expect(try await post([("grant_type", "password"), ("client_id", client)]).text.contains("unsupported"))
            let refresh = try await post([
                ("grant_type", "refresh_token"), ("client_id", client), ("refresh_token", "x"),
            ])
            #expect(refresh.status == 400)
            #expect(refresh.text.contains("invalid_grant"))
            #expect(
                try await post([("grant_type", "refresh_token"), ("client_id", "other")]).text.contains(
                    "invalid_client"))
        }
    }
}
