import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing

@testable import VendorCtlCore

@Suite("Recording the portal's session cookies")
struct CookieRecorderTests {
    private func send(_ recorder: CookieRecorder) async throws {
        let request = HTTPRequest(method: .get, scheme: "https", authority: "api.portal.flowerhub.se", path: "/asset/1")
        _ = try await recorder.send(request, body: nil, timeout: nil)
    }

    @Test("a renewed cookie replaces its older line; other cookies keep theirs")
    func newestLineWins() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(200, headers: setCookies("Authentication=a1; Path=/", "Refresh=r1; Path=/")))
        transport.enqueue(.status(200, headers: setCookies("Authentication=a2; Path=/")))
        let recorder = CookieRecorder(base: transport, timeSource: TestClock())
        try await send(recorder)
        try await send(recorder)
        #expect(recorder.lines.map(\.setCookie) == ["Refresh=r1; Path=/", "Authentication=a2; Path=/"])
        #expect(recorder.version == 3)
    }

    @Test("a portal that sets new cookies on every answer cannot make the record grow past the cap")
    func bounded() async throws {
        let counter = Counter()
        let transport = MockTransport { _ in
            let round = counter.next()
            var fields = HTTPFields()
            for index in 0..<50 { fields.append(HTTPField(name: .setCookie, value: "c\(round)-\(index)=v; Path=/")) }
            return .status(200, headers: fields)
        }
        let recorder = CookieRecorder(base: transport, timeSource: TestClock())
        for _ in 0..<20 { try await send(recorder) }
        #expect(recorder.lines.count == FlowerhubSessionFile.maximumCookies)
        #expect(recorder.lines.last?.setCookie.hasPrefix("c19-") == true)
    }
}

private final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
