import AuthCore
import Foundation
import HTTPTypes
import Synchronization

/// A transport that passes every request on and notes the `Set-Cookie` lines of the answers.
///
/// The client's own jar applies them as usual; the notes are what the session file saves so the
/// next run can resume the session. Only the newest line per cookie is kept, at most
/// ``FlowerhubSessionFile/maximumCookies``, so a portal that sets cookies on every answer of a
/// long `watch` cannot make it grow. The lines hold session tokens: they go to the 0600 session
/// file only, never to output or errors.
final class CookieRecorder: HTTPTransport, CustomReflectable {
    private struct State {
        var lines: [FlowerhubSessionFile.CookieLine] = []
        var version = 0
    }

    private let base: any HTTPTransport
    private let timeSource: any TimeSource
    private let state = Mutex(State())

    init(base: any HTTPTransport, timeSource: any TimeSource) {
        self.base = base
        self.timeSource = timeSource
    }

    /// The newest line of each cookie, in arrival order.
    var lines: [FlowerhubSessionFile.CookieLine] { state.withLock { $0.lines } }

    /// Grows with every line recorded (also when a line replaces one of the same cookie).
    var version: Int { state.withLock { $0.version } }

    /// How many lines are kept; never their values.
    var customMirror: Mirror {
        Mirror(self, children: ["recorded": lines.count], displayStyle: .class)
    }

    func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        let response = try await base.send(request, body: body, timeout: timeout)
        let values = response.headers[values: .setCookie]
        if !values.isEmpty {
            let now = timeSource.now.timeIntervalSince1970
            let url = response.url.absoluteString
            let incoming = values.prefix(FlowerhubSessionFile.maximumCookies).map {
                FlowerhubSessionFile.CookieLine(url: url, receivedAt: now, setCookie: $0)
            }
            state.withLock { state in
                state.lines = FlowerhubSessionFile.merged(state.lines, Array(incoming))
                state.version += incoming.count
            }
        }
        return response
    }
}
