import Foundation
import Synchronization
import Testing

@testable import VendorCtlCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

@Suite("LoopbackRedirectReceiver: captures one OAuth redirect on 127.0.0.1")
struct LoopbackRedirectReceiverTests {
    private func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("an ephemeral port and the callback path make the redirect URI")
    func redirectURI() throws {
        let receiver = try LoopbackRedirectReceiver(callbackPath: "callback")
        defer { receiver.stop() }
        #expect(receiver.port > 0)
        #expect(receiver.redirectURI.absoluteString == "http://127.0.0.1:\(receiver.port)/callback")
    }

    @Test("the first request on the callback path returns its query items; other paths get 404")
    func capturesQuery() async throws {
        let receiver = try LoopbackRedirectReceiver(callbackPath: "/cb", page: "Done <here>")
        defer { receiver.stop() }
        async let items = receiver.waitForRedirect(timeout: .seconds(30))
        let base = "http://127.0.0.1:\(receiver.port)"
        let (missing, _) = try await get(URL(string: base + "/favicon.ico")!)
        #expect(missing == 404)
        let (status, page) = try await get(URL(string: base + "/cb?code=c%2Fode-1&state=s-2&empty=")!)
        #expect(status == 200)
        #expect(page.contains("Done &lt;here&gt;"))
        let captured = try await items
        #expect(
            captured == [
                URLQueryItem(name: "code", value: "c/ode-1"), URLQueryItem(name: "state", value: "s-2"),
                URLQueryItem(name: "empty", value: ""),
            ])
    }

    @Test("a request on the callback path without code or error (a reload, a bare visit) gets 400 and keeps waiting")
    func strayRequestKeepsWaiting() async throws {
        let receiver = try LoopbackRedirectReceiver(callbackPath: "/cb")
        defer { receiver.stop() }
        async let items = receiver.waitForRedirect(timeout: .seconds(30))
        let base = "http://127.0.0.1:\(receiver.port)/cb"
        let (bare, _) = try await get(URL(string: base)!)
        #expect(bare == 400)
        let (stateOnly, _) = try await get(URL(string: base + "?state=s-1")!)
        #expect(stateOnly == 400)
        let (status, _) = try await get(URL(string: base + "?code=c-1&state=s-1")!)
        #expect(status == 200)
        #expect(
            try await items == [URLQueryItem(name: "code", value: "c-1"), URLQueryItem(name: "state", value: "s-1")])
    }

    @Test("a client dribbling its request head is dropped at the connection's total deadline; the next one is served")
    func slowClientDropped() async throws {
        let receiver = try LoopbackRedirectReceiver(callbackPath: "/cb", readTimeout: .milliseconds(300))
        defer { receiver.stop() }
        async let items = receiver.waitForRedirect(timeout: .seconds(4))
        let dribbler = SlowClient(port: receiver.port)
        defer { dribbler.stop() }
        let (status, _) = try await get(URL(string: "http://127.0.0.1:\(receiver.port)/cb?code=good")!)
        #expect(status == 200)
        #expect(try await items == [URLQueryItem(name: "code", value: "good")])
    }

    @Test("a redirect with an OAuth error is returned like any other")
    func errorRedirect() async throws {
        let receiver = try LoopbackRedirectReceiver()
        defer { receiver.stop() }
        async let items = receiver.waitForRedirect(timeout: .seconds(30))
        _ = try await get(URL(string: "http://127.0.0.1:\(receiver.port)/?error=access_denied")!)
        #expect(try await items == [URLQueryItem(name: "error", value: "access_denied")])
    }

    @Test("no redirect in time is a time-out")
    func timesOut() async throws {
        let receiver = try LoopbackRedirectReceiver()
        defer { receiver.stop() }
        await #expect(throws: LoopbackRedirectReceiver.Failure.timedOut) {
            try await receiver.waitForRedirect(timeout: .milliseconds(20))
        }
    }

    @Test("cancelling the waiting task ends the wait")
    func cancellation() async throws {
        let receiver = try LoopbackRedirectReceiver()
        defer { receiver.stop() }
        let task = Task { try await receiver.waitForRedirect(timeout: .seconds(600)) }
        task.cancel()
        await #expect(throws: LoopbackRedirectReceiver.Failure.cancelled) { try await task.value }
    }

    @Test("stopping the listener ends the wait, and errors never carry the request")
    func stopEndsWait() async throws {
        let receiver = try LoopbackRedirectReceiver()
        receiver.stop()
        await #expect(throws: LoopbackRedirectReceiver.Failure.closed) {
            try await receiver.waitForRedirect(timeout: .seconds(600))
        }
        for failure in [LoopbackRedirectReceiver.Failure.timedOut, .cancelled, .closed] {
            #expect(!failure.description.contains("code"))
            #expect(!failure.description.contains("state"))
        }
    }

    @Test("a port outside 0...65535 and a port in use are refused")
    func badPorts() throws {
        #expect(throws: LoopbackRedirectReceiver.Failure.self) { try LoopbackRedirectReceiver(port: 70_000) }
        let first = try LoopbackRedirectReceiver()
        defer { first.stop() }
        #expect(throws: LoopbackRedirectReceiver.Failure.self) { try LoopbackRedirectReceiver(port: first.port) }
    }
}

/// A client that connects and then sends an endless request head one byte at a time, each byte well
/// within any per-read wait, so only a total per-connection deadline drops it. It runs on its own
/// thread (its pauses emulate the slow network; nothing is asserted about time).
private final class SlowClient: Sendable {
    private let stopped = Mutex(false)

    init(port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            return
        }
        let head = Array("GET /cb?code=slow HTTP/1.1\r\nX-Slow: ".utf8)
        let thread = Thread { [self] in
            defer { close(descriptor) }
            var index = 0
            while !stopped.withLock({ $0 }) {
                var byte = index < head.count ? head[index] : UInt8(ascii: "a")
                index += 1
                guard send(descriptor, &byte, 1, Int32(MSG_NOSIGNAL)) == 1 else { return }
                usleep(20_000)
            }
        }
        thread.start()
    }

    func stop() { stopped.withLock { $0 = true } }
}
