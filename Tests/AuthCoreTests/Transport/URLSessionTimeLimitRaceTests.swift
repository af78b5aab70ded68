import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// The time limit firing just as the response completes: with FoundationNetworking's own
/// `data(for:)` the cancel and the completion could wait on each other forever. Every call must
/// end, either with the response or with a time-out; the suite's time limit turns a hang into a failure.
@Suite("URLSession transport: a time limit racing the response", .serialized, .timeLimit(.minutes(2)))
struct URLSessionTimeLimitRaceTests {
    @Test("200 calls whose answer arrives as their time limit runs out all end")
    func raceEnds() async throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackResponse(status: 200, body: Data("{}".utf8), delay: .milliseconds(20))
        }
        let transport = URLSessionTransport()
        var answered = 0
        var timedOut = 0
        for attempt in 0..<200 {
            // Limits around the server's delay, so some fire before, some with, some after the answer.
            let limit = Duration.milliseconds(15 + attempt % 11)
            let request = HTTPRequest(
                method: .get, scheme: "http", authority: "127.0.0.1:\(server.port)", path: "/race/\(attempt)")
            do {
                _ = try await transport.send(request, body: nil, timeout: limit)
                answered += 1
            } catch let error as APIError where error.kind == .timeout {
                timedOut += 1
            }
        }
        // Any other error (a transport failure, a cancellation) would have ended the loop above.
        #expect(answered + timedOut == 200)
    }
}
