import AuthCore
import Foundation
import HTTPTypes
import Synchronization

/// A transport that passes every request on and notes the `Set-Cookie` lines of the answers.
///
/// The client's own jar applies them as usual; the notes are what the session file saves so the
/// next run can resume the session. The lines hold session tokens: they go to the 0600 session
/// file only, never to output or errors.
final class CookieRecorder: HTTPTransport, CustomReflectable {
    private let base: any HTTPTransport
    private let timeSource: any TimeSource
    private let recorded = Mutex<[FlowerhubSessionFile.CookieLine]>([])

    init(base: any HTTPTransport, timeSource: any TimeSource) {
        self.base = base
        self.timeSource = timeSource
    }

    /// Every line recorded so far, in arrival order.
    var lines: [FlowerhubSessionFile.CookieLine] { recorded.withLock { $0 } }

    /// How many lines were recorded; never their values.
    var customMirror: Mirror {
        Mirror(self, children: ["recorded": lines.count], displayStyle: .class)
    }

    func send(_ request: HTTPRequest, body: APIRequestBody?, timeout: Duration?) async throws -> RawResponse {
        let response = try await base.send(request, body: body, timeout: timeout)
        let values = response.headers[values: .setCookie]
        if !values.isEmpty {
            let now = timeSource.now.timeIntervalSince1970
            let url = response.url.absoluteString
            recorded.withLock { lines in
                lines += values.map { FlowerhubSessionFile.CookieLine(url: url, receivedAt: now, setCookie: $0) }
            }
        }
        return response
    }
}
