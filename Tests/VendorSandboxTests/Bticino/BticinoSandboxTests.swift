import AuthCore
import Foundation
import HTTPTypes
import Testing

@testable import VendorSandbox

@Suite("The BTicino sandbox's own answers")
struct BticinoSandboxTests {
    static func form(_ pairs: [(String, String)]) -> Data {
        Data(
            pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&").utf8)
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test(
        "token endpoint: a wrong client is invalid_client, an unknown grant unsupported_grant_type, a bad refresh invalid_grant"
    )
    func tokenErrors() async throws {
        try await withSandbox { sandbox in
            let url = sandbox.bticinoBaseURL.appendingPathComponent("oauth2/token")
            let settings = sandbox.bticino.settings
            let client = [("client_id", settings.clientId), ("client_secret", settings.clientSecret)]
            let wrongClient = try await RawHTTP.send(
                .post, url, headers: Self.formHeaders,
                body: Self.form([("grant_type", "password"), ("client_id", "x"), ("client_secret", "y")]))
            #expect(wrongClient.status == 400)
            #expect(wrongClient.text.contains("invalid_client"))
            let grant = try await RawHTTP.send(
                .post, url, headers: Self.formHeaders, body: Self.form([("grant_type", "magic")] + client))
            #expect(grant.text.contains("unsupported_grant_type"))
            let refresh = try await RawHTTP.send(
                .post, url, headers: Self.formHeaders,
                body: Self.form([("grant_type", "refresh_token"), ("refresh_token", "nope")] + client))
            #expect(refresh.status == 400)
            #expect(refresh.text.contains("invalid_grant"))
        }
    }

    @Test("REST: no token is 403 code 2, an expired one 403 code 3, an unknown home code 21")
    func restErrors() async throws {
        try await withSandbox { sandbox in
            let url = sandbox.bticinoBaseURL.appendingPathComponent("syncapi/v1/homestatus")
            let none = try await RawHTTP.send(.post, url, body: Data("{}".utf8))
            #expect(none.status == 403)
            #expect(none.text == "{\"error\":{\"code\":2,\"message\":\"Invalid access token\"}}")
            let issued = sandbox.bticino.issue()
            sandbox.bticino.expireTokens()
            let expired = try await RawHTTP.send(
                .post, url, headers: [.authorization: "Bearer \(issued.access)"], body: Data("{}".utf8))
            #expect(expired.status == 403)
            #expect(expired.text.contains("\"code\":3"))
            let fresh = sandbox.bticino.issue()
            let unknown = try await RawHTTP.send(
                .post, url, headers: [.authorization: "Bearer \(fresh.access)"],
                body: Data("{\"home_id\":\"elsewhere\"}".utf8))
            #expect(unknown.status == 400)
            #expect(unknown.text.contains("\"code\":21"))
        }
    }

    @Test("push subscribe frames: exact keys accepted; a filter key, a wrong action or a bad token refused")
    func subscribeFrames() async throws {
        try await withSandbox { sandbox in
            let state = sandbox.bticino
            let token = state.issue().access
            let exact =
                "{\"action\":\"Subscribe\",\"access_token\":\"\(token)\",\"app_type\":\"app_camera\",\"platform\":\"Android\",\"version\":\"4.1.1.3\"}"
            #expect(BticinoPushServer.answer(exact, state: state) == "{\"status\":\"ok\"}")
            let filtered = exact.replacingOccurrences(of: "}", with: ",\"filter\":\"silent\"}")
            #expect(BticinoPushServer.answer(filtered, state: state).contains("\"code\":11"))
            let lower = exact.replacingOccurrences(of: "\"Subscribe\"", with: "\"subscribe\"")
            #expect(BticinoPushServer.answer(lower, state: state).contains("\"code\":11"))
            let bad = exact.replacingOccurrences(of: token, with: "nope")
            #expect(BticinoPushServer.answer(bad, state: state).contains("\"code\":2"))
            state.expireTokens()
            #expect(BticinoPushServer.answer(exact, state: state).contains("\"code\":3"))
        }
    }

    @Test("the lock relocks itself; reset forgets state")
    func lockAndReset() async throws {
        try await withSandbox { sandbox in
            let state = sandbox.bticino
            #expect(state.apply(module: SandboxBticino.IDs.lock, state: ["lock": .bool(false)]) == nil)
            #expect(!state.isLocked)
            sandbox.clock.advance(by: .seconds(5))
            #expect(state.isLocked)
            #expect(state.apply(module: SandboxBticino.IDs.externalUnit, state: ["lock": .bool(false)]) == 5)
            state.setReachable(false, module: SandboxBticino.IDs.light)
            #expect(state.apply(module: SandboxBticino.IDs.light, state: ["on": .bool(true)]) == 6)
            sandbox.reset()
            #expect(state.apply(module: SandboxBticino.IDs.light, state: ["on": .bool(true)]) == nil)
            #expect(state.isLightOn)
        }
    }
}
