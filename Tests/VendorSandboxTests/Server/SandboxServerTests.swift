import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import Testing
import VendorSandbox

@Suite("VendorSandbox server: start, stop, routes, control endpoint")
struct SandboxServerTests {
    @Test("twenty sandboxes start on distinct ephemeral ports and each port is closed once stopped")
    func startAndStopMany() async throws {
        var sandboxes: [VendorSandbox] = []
        for _ in 0..<20 { sandboxes.append(try await VendorSandbox.start()) }
        #expect(Set(sandboxes.map(\.port)).count == 20)
        for sandbox in sandboxes {
            #expect(try await RawHTTP.send(.get, sandbox.baseURL.appendingPathComponent("_sandbox")).status == 200)
        }
        for sandbox in sandboxes { await sandbox.stop() }
        for sandbox in sandboxes.prefix(3) {
            let error = await thrownError {
                try await RawHTTP.send(.get, sandbox.baseURL.appendingPathComponent("_sandbox"), timeout: .seconds(2))
            }
            #expect((error as? APIError)?.kind == .transport, "port \(sandbox.port) still answers")
        }
        await sandboxes[0].stop()  // a second stop does nothing
    }

    @Test("stop ends a response that is still being trickled")
    func stopDuringTrickle() async throws {
        let sandbox = try await VendorSandbox.start()
        sandbox.faults.inject(.trickle(chunkSize: 1, interval: .milliseconds(200)), on: .flowerhub(.login))
        let url = sandbox.flowerhubBaseURL.appendingPathComponent("auth/login")
        let account = sandbox.flowerhub.settings
        let body = Data(#"{"username":"\#(account.username)","password":"\#(account.password)"}"#.utf8)
        let pending = Task {
            try await RawHTTP.send(.post, url, headers: [.contentType: "application/json"], body: body)
        }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        await sandbox.stop()
        #expect(ContinuousClock.now - started < .seconds(5))
        let outcome = await pending.result
        #expect((try? outcome.get()) == nil, "the trickled answer cannot have completed")
    }

    @Test(
        "stopping while clients keep connecting ends cleanly: accepted connections are served or closed, none is dropped"
    )
    func stopUnderConnectionStorm() async throws {
        for _ in 0..<10 {
            let sandbox = try await VendorSandbox.start()
            let url = sandbox.baseURL.appendingPathComponent("_sandbox")
            let answered = AnswerCount()
            let clients = (0..<8).map { _ in
                Task {
                    // Each client connects again and again until the port is closed.
                    while (try? await RawHTTP.send(.get, url, timeout: .seconds(5))) != nil {
                        answered.add()
                    }
                }
            }
            while answered.value < 8 { try await Task.sleep(for: .milliseconds(5)) }
            await sandbox.stop()
            for client in clients { await client.value }
            let error = await thrownError { try await RawHTTP.send(.get, url, timeout: .seconds(2)) }
            #expect((error as? APIError)?.kind == .transport)
        }
    }

    @Test("unknown paths and methods get the vendor's 404 and 405; paths outside every vendor a plain 404")
    func unknownRoutes() async throws {
        try await withSandbox { sandbox in
            let unknown = try await RawHTTP.send(.get, sandbox.flowerhubBaseURL.appendingPathComponent("nope"))
            #expect(unknown.status == 404)
            #expect(unknown.text.contains("Not Found"))
            let wrongMethod = try await RawHTTP.send(
                .delete, sandbox.flowerhubBaseURL.appendingPathComponent("auth/login"))
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers[.allow] == "POST")
            let nowhere = try await RawHTTP.send(.get, sandbox.baseURL.appendingPathComponent("elsewhere"))
            #expect(nowhere.status == 404)
            #expect(sandbox.requests().map(\.routeName) == [nil, "login", nil])
            #expect(
                sandbox.requests(for: .flowerhub(.login)).first?.description
                    == "#2 DELETE /flowerhub/auth/login → 405")
        }
    }

    @Test("the control endpoint injects faults, lists requests, moves the clock and resets")
    func controlEndpoint() async throws {
        try await withSandbox { sandbox in
            let control = sandbox.baseURL.appendingPathComponent("_sandbox")
            let json: HTTPFields = [.contentType: "application/json"]
            let inject = try await RawHTTP.send(
                .post, control.appendingPathComponent("faults"), headers: json,
                body: Data(
                    #"[{"route":"GET flowerhub/asset","fault":{"kind":"statusSequence","statuses":[503,502]}},"#.utf8)
                    + Data(#"{"route":"entra","fault":{"kind":"rateLimited","retryAfterSeconds":2,"times":2}}]"#.utf8))
            #expect(inject.status == 201)
            #expect(inject.text == #"{"queued":4}"#)
            #expect(sandbox.faults.pendingCount(on: .flowerhub(.asset).method("GET")) == 2)
            #expect(sandbox.faults.pendingCount(on: .vendor(.entra)) == 2)
            let bad = try await RawHTTP.send(
                .post, control.appendingPathComponent("faults"), headers: json,
                body: Data(#"{"route":"flowerhub/asset","fault":{"kind":"gremlins"}}"#.utf8))
            #expect(bad.status == 400)

            let asset = sandbox.flowerhubBaseURL.appendingPathComponent("asset/\(sandbox.flowerhub.assetId)")
            #expect(try await RawHTTP.send(.get, asset).status == 503)
            #expect(try await RawHTTP.send(.get, asset).status == 502)
            #expect(try await RawHTTP.send(.get, asset).status == 401)
            let listed = try await RawHTTP.send(.get, control.appendingPathComponent("requests"))
            #expect(listed.text.contains(#""fault":"503""#))
            #expect(listed.text.contains(#""status":401"#))

            let clock = try await RawHTTP.send(
                .post, control.appendingPathComponent("clock"), headers: json,
                body: Data(#"{"advanceSeconds":90}"#.utf8))
            #expect(clock.status == 200)
            #expect(sandbox.clock.advanced == .seconds(90))

            let reset = try await RawHTTP.send(.post, control.appendingPathComponent("reset"))
            #expect(reset.status == 204)
            #expect(sandbox.faults.pendingCount() == 0)
            #expect(sandbox.requests().isEmpty)
            #expect(sandbox.clock.advanced == .zero)
            let index = try await RawHTTP.send(.get, control)
            #expect(index.text.contains(sandbox.businessCentralBaseURL.absoluteString))
        }
    }

    @Test("a permanent fault applies until cleared; faults queue in the order injected")
    func faultQueue() async throws {
        try await withSandbox { sandbox in
            let url = sandbox.flowerhubBaseURL.appendingPathComponent("auth/refresh-token")
            sandbox.faults.inject(.status(500), on: .flowerhub(.refresh))
            sandbox.faults.inject(.status(503).forever(), on: .vendor(.flowerhub))
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await RawHTTP.send(.get, url).status) }
            #expect(statuses == [500, 503, 503, 503])
            #expect(sandbox.faults.pendingCount() == Int.max)
            sandbox.faults.clear()
            #expect(try await RawHTTP.send(.get, url).status == 401)
            #expect(SandboxFault.statusSequence([503, 503, 200]).description == "503,503,200")
        }
    }

    @Test("a reset on an answer without a body cuts the connection before the head")
    func resetWithoutBody() async throws {
        try await withSandbox { sandbox in
            sandbox.faults.inject(.connectionResetMidBody(), on: .flowerhub(.refresh))
            let url = sandbox.flowerhubBaseURL.appendingPathComponent("auth/refresh-token")
            let error = await thrownError { try await RawHTTP.send(.get, url) }
            #expect((error as? APIError)?.kind == .transport)
            #expect(sandbox.requests(for: .flowerhub(.refresh)).map(\.status) == [nil])
            let answer = try await RawHTTP.send(.get, url)
            #expect(answer.status == 401)
        }
    }

    @Test("429 carries Retry-After as seconds or as an HTTP date on the sandbox's clock")
    func retryAfterForms() async throws {
        try await withSandbox { sandbox in
            let url = sandbox.flowerhubBaseURL.appendingPathComponent("auth/refresh-token")
            sandbox.faults.inject(.rateLimited(retryAfterSeconds: 3), on: .flowerhub(.refresh))
            sandbox.faults.inject(.rateLimited(retryAfterDateIn: 120), on: .flowerhub(.refresh))
            let seconds = try await RawHTTP.send(.get, url)
            #expect(seconds.status == 429)
            #expect(seconds.headers[.retryAfter] == "3")
            let date = try await RawHTTP.send(.get, url)
            let text = try #require(date.headers[.retryAfter])
            #expect(text.hasSuffix(" GMT"))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let parsed = try #require(formatter.date(from: text))
            #expect(abs(parsed.timeIntervalSinceNow - 120) < 5)
        }
    }
}

/// Responses the storm's clients received, counted across their tasks.
private final class AnswerCount: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add() { count.withLock { $0 += 1 } }
}
