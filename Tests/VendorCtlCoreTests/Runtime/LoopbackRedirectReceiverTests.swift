import Foundation
import Testing

@testable import VendorCtlCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
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
