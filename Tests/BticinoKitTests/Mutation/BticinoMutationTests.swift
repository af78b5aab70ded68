import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import BticinoKit

/// Every BTicino fixture, mutated, through the call that reads it: a value or a typed error,
/// never a crash, an untyped error or a hang.
@Suite("BTicino fixtures under mutation")
struct BticinoMutationTests {
    static func isTyped(_ error: any Error) -> Bool {
        error is BticinoError || error is APIError
    }

    static func status(of name: String) -> Int {
        switch name {
        case _ where name.hasPrefix("token-error"): return 400
        case _ where name.hasPrefix("api-error-string"): return 400
        case _ where name.hasPrefix("api-error"): return 403
        case _ where name.hasSuffix(".html"): return 502
        default: return 200
        }
    }

    static func transport(serving body: Data, name: String, path: String) -> MockTransport {
        let contentType = name.hasSuffix(".html") ? "text/html" : "application/json"
        let status = status(of: name)
        let homes = (try? Fixture.data("bticino/homesdata.json")) ?? Data()
        return MockTransport { request in
            if request.path.hasPrefix(path) {
                return .status(status, body: body, headers: [.contentType: contentType])
            }
            if request.path.hasPrefix("/api/homesdata") { return .status(200, body: homes) }
            return .status(200, body: Data("{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":60}".utf8))
        }
    }

    /// The push, subscribe and signaling readers: the same functions the socket loops call.
    static func readFrame(_ name: String, _ body: Data) async throws {
        let text = String(decoding: body, as: UTF8.self)
        if name.hasPrefix("push-subscribe") {
            try BticinoPushRunner.checkSubscribeReply(text, token: Secret(BT.accessToken))
            return
        }
        if name.hasPrefix("signaling-") {
            let client = try BT.client(MockTransport())
            await client.signaling().route(text)
            return
        }
        guard let json = try? JSONValue(jsonData: body) else { return }
        var dedupe = BticinoPushDeduplicator(capacity: 4)
        if let event = BticinoPushParser.event(json) { _ = dedupe.admit(event) }
    }

    static func reader(for fixture: String) -> MutationSuite.Reader {
        let name = String(fixture.split(separator: "/").last ?? "")
        return { _, body in
            if name.hasPrefix("push-") || name.hasPrefix("signaling-") {
                try await readFrame(name, body)
                return
            }
            let clock = TestClock()
            if name.hasPrefix("token-") {
                let client = try BT.client(transport(serving: body, name: name, path: "/oauth2/token"), clock: clock)
                try await client.login()
                return
            }
            let path: String
            switch name {
            case _ where name.hasPrefix("homesdata"), _ where name.hasPrefix("api-error"), "error-502.html":
                path = "/api/homesdata"
            case _ where name.hasPrefix("homestatus"): path = "/syncapi/v1/homestatus"
            case _ where name.hasPrefix("setstate"): path = "/syncapi/v1/setstate"
            case _ where name.hasPrefix("getevents"): path = "/api/getevents"
            case _ where name.hasPrefix("turn"): path = "/api/getcredentials"
            case _ where name.hasPrefix("getconfigs"): path = "/syncapi/v1/getconfigs"
            default: path = "/api/homesdata"
            }
            let transport = transport(serving: body, name: name, path: path)
            let client = try BT.client(transport, clock: clock)
            await client.tokens.setToken(BT.validToken(clock: clock))
            switch path {
            case "/syncapi/v1/homestatus": _ = try await client.homeState(homeID: BT.home)
            case "/syncapi/v1/setstate": try await client.openDoor(homeID: BT.home, moduleID: BT.lock)
            case "/api/getevents": _ = try await client.events(homeID: BT.home)
            case "/api/getcredentials": _ = try await client.turnServers()
            case "/syncapi/v1/getconfigs":
                _ = try await client.doNotDisturb(homeID: BT.home, moduleID: "00:03:50:ab:cd:f0")
            default: _ = try await client.topology()
            }
        }
    }

    @Test("every fixture, mutated, gives a value or a typed error")
    func mutants() async {
        let paths = Fixture.paths(in: "bticino")
        #expect(paths.count >= 40)
        let report = await MutationSuite.run(
            paths: paths, timeLimit: .seconds(20), isTyped: Self.isTyped, reader: Self.reader)
        #expect(report.mutants > 500)
        #expect(report.problems.isEmpty, "\(report.problems.prefix(10))")
    }
}
