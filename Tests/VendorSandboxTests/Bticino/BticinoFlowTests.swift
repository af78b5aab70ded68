import AuthCore
import BticinoKit
import Foundation
import Testing
import VendorSandbox

@Suite("BTicino end to end over real sockets")
struct BticinoFlowTests {
    typealias IDs = SandboxBticino.IDs

    @Test(
        "login, topology, status, open the door (it relocks itself), light, events, TURN, configuration",
        arguments: SandboxTransport.allCases)
    func everyCall(_ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.bticino(sandbox, over: transport)
            try await client.login()
            let topology = try await client.topology()
            #expect(topology.home(IDs.home)?.module(IDs.lock)?.type == .bndl)
            var state = try await client.homeState(homeID: IDs.home)
            #expect(state.module(IDs.lock)?.isLocked == true)
            try await client.openDoor(homeID: IDs.home, moduleID: IDs.lock)
            #expect(!sandbox.bticino.isLocked)
            state = try await client.homeState(homeID: IDs.home)
            #expect(state.module(IDs.lock)?.isLocked == false)
            sandbox.clock.advance(by: .seconds(6))
            #expect(sandbox.bticino.isLocked)
            try await client.setLight(homeID: IDs.home, moduleID: IDs.light, on: true)
            #expect(sandbox.bticino.isLightOn)
            state = try await client.homeState(homeID: IDs.home)
            #expect(state.module(IDs.light)?.isLightOn == true)
            #expect(try await client.events(homeID: IDs.home).count == 4)
            #expect(try await client.turnServers().count == 2)
            try await client.setDoNotDisturb(homeID: IDs.home, moduleID: IDs.bridge, BticinoConfigObject(enabled: true))
            #expect(try await client.doNotDisturb(homeID: IDs.home, moduleID: IDs.bridge)?.enabled == true)
            let body = try #require(sandbox.requests(for: .bticino(.setState)).first?.body)
            let text = String(decoding: body, as: UTF8.self)
            #expect(text.contains("\"bridge\":\"\(IDs.bridge)\""))
            #expect(text.contains("\"timezone\":\"Europe/Rome\""))
            #expect(sandbox.requestCount(for: .bticino(.token)) == 1)
        }
    }

    @Test("wrong password: authenticationFailed with status 400 and invalid_grant")
    func wrongPassword() async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.bticino(sandbox, password: "wrong")
            let error = try await #require(throws: APIError.self) { try await client.login() }
            #expect(error.kind == .authenticationFailed)
            #expect(error.status == 400)
            #expect(error.vendorCode == "invalid_grant")
        }
    }

    @Test("403 access token expired: refreshed and retried; a revoked refresh token: a new login")
    func expiry() async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.bticino(sandbox)
            _ = try await client.topology()
            sandbox.bticino.expireTokens()
            _ = try await client.topology()
            #expect(sandbox.requestCount(for: .bticino(.token)) == 2)
            let grants = sandbox.requests(for: .bticino(.token)).map { String(decoding: $0.body, as: UTF8.self) }
            #expect(grants.last?.contains("grant_type=refresh_token") == true)
            sandbox.bticino.expireTokens()
            sandbox.bticino.revokeRefreshTokens()
            _ = try await client.topology()
            let last = sandbox.requests(for: .bticino(.token)).last.map { String(decoding: $0.body, as: UTF8.self) }
            #expect(last?.contains("grant_type=password") == true)
        }
    }

    @Test("a command on an unreachable module fails with partialFailure")
    func unreachable() async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.bticino(sandbox)
            sandbox.bticino.setReachable(false, module: IDs.lock)
            let error = try await #require(throws: BticinoError.self) {
                try await client.openDoor(homeID: IDs.home, moduleID: IDs.lock)
            }
            #expect(error.code == .partialFailure)
            #expect(sandbox.bticino.isLocked)
            #expect(try await client.homeState(homeID: IDs.home).module(IDs.lock)?.isReachable == false)
        }
    }

    @Test("push: exact subscribe frame, a ring over the websocket, pings not surfaced, a drop and a reconnect")
    func push() async throws {
        try await withSandbox { sandbox in
            let client = try SandboxClients.bticino(sandbox)
            let stream = client.pushEvents()
            var iterator = stream.makeAsyncIterator()
            #expect(try await iterator.next() == .subscribed)
            let frame = try #require(sandbox.bticino.subscribeFrames.first)
            #expect(frame.hasPrefix("{\"action\":\"Subscribe\",\"access_token\":\""))
            #expect(frame.hasSuffix("\",\"app_type\":\"app_camera\",\"platform\":\"Android\",\"version\":\"4.1.1.3\"}"))
            sandbox.bticino.pingPushConnections()
            #expect(sandbox.bticino.ring() == 1)
            let ring = try #require(try await iterator.next()?.event)
            #expect(ring.type == .incomingCall)
            #expect(ring.homeID == IDs.home)
            sandbox.bticino.dropPushConnections()
            guard case .reconnecting(let step)? = try await iterator.next() else {
                Issue.record("expected a reconnect")
                return
            }
            #expect(step.attempt == 1)
            #expect(try await iterator.next() == .subscribed)
            #expect(sandbox.bticino.ring() == 1)
            #expect(try await iterator.next()?.event?.type == .incomingCall)
            #expect(sandbox.bticino.subscribeFrames.count == 2)
            stream.stop()
        }
    }

    @Test("push: a refused subscription is retried with backoff")
    func refusedSubscription() async throws {
        try await withSandbox { sandbox in
            sandbox.bticino.setRefusesSubscriptions(true)
            let client = try SandboxClients.bticino(sandbox)
            let stream = client.pushEvents()
            var iterator = stream.makeAsyncIterator()
            guard case .reconnecting(let step)? = try await iterator.next() else {
                Issue.record("expected a reconnect")
                return
            }
            #expect(step.reason.contains("[11]"))
            sandbox.bticino.setRefusesSubscriptions(false)
            #expect(try await iterator.next() == .subscribed)
            stream.stop()
        }
    }
}
