import AuthCore
import Foundation
import HTTPTypes
import Logging
import TestSupport
import Testing
import VendorFixtures

@testable import FlowerhubKit

/// Error pages that print the request's `Cookie` header must not get cookie values into logs.
@Suite("Error text stays out of logs")
struct LogLeakTests {
    static let access = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI1NTEwMDIifQ.c2lnbmF0dXJlLWFjY2Vzcw"
    static let refresh = "rf_7Qm2ZpLx9WcT4vNk8HsJ3yBd"
    /// A marker of the error page's own text.
    static let marker = "page-marker-5521"

    /// An error page printing the cookies in full and cut short, as some servers do.
    static func echoPage() throws -> MockResponse {
        let cookie = "Authentication=\(access); Refresh=\(refresh)"
        let page = try Fixture.text("flowerhub/login-error-page.html")
            .replacingOccurrences(of: "{{echo}}", with: "\(marker) (cookie \(String(cookie.dropLast(8)))…)")
            .replacingOccurrences(of: "{{cookie}}", with: cookie)
        return .status(500, body: Data(page.utf8), headers: [.contentType: "text/html"])
    }

    /// A logged-in client logging at trace level into `capture`.
    static func loggedIn(_ capture: LogCapture) async throws -> Harness {
        let harness = try await Harness(logger: capture.logger)
        let cookies = setCookies(
            "Authentication=\(access); Path=/; Secure; HttpOnly", "Refresh=\(refresh); Path=/; Secure; HttpOnly"
        )
        harness.transport.enqueue(fh("login.json", headers: cookies), path: "/auth/login")
        try await harness.client.login(username: "kim@example.test", password: "pw-for-tests")
        await harness.client.setAssetId(880045)
        return harness
    }

    /// Asserts that the log holds no cookie value, no part of one and no text of the page.
    static func expectClean(_ capture: LogCapture, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = capture.text
        let pieces = [
            access, refresh, String(access.prefix(24)), String(refresh.prefix(12)), String(access.suffix(12)), marker,
        ]
        for (index, piece) in pieces.enumerated() {
            // Only the verdict goes into the expectation: the log text holds the secret when this fails.
            let leaked = text.contains(piece)
            #expect(!leaked, "log leaks piece #\(index)", sourceLocation: sourceLocation)
        }
    }

    @Test("a failed poll logs the error's kind and status, never its text")
    func pollingFailure() async throws {
        let capture = LogCapture()
        let harness = try await Self.loggedIn(capture)
        harness.transport.enqueue(try Self.echoPage(), path: "/asset/")
        let events = Recorder<String>()
        _ = await harness.client.pollTick { event in events.append(event.error.map { _ in "failure" } ?? "update") }
        #expect(events.all == ["failure"])
        #expect(harness.transport.requests.last?.headers[.cookie]?.contains(Self.refresh) == true)
        let lines = capture.text.split(separator: "\n")
        let warning = try #require(lines.first { $0.contains("periodic asset fetch failed") })
        #expect(warning.contains("error_kind=server"))
        #expect(warning.contains("status=500"))
        Self.expectClean(capture)
    }

    @Test("a failed session refresh logs the error's kind and status, never its text")
    func refreshFailure() async throws {
        let capture = LogCapture()
        let harness = try await Self.loggedIn(capture)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset/")
        harness.transport.enqueue(try Self.echoPage(), path: "/auth/refresh-token")
        let error = await #expect(throws: APIError.self) { try await harness.client.fetchAsset() }
        #expect(error?.isTransient == true)
        let warning = try #require(
            capture.text.split(separator: "\n").first { $0.contains("credential refresh failed") })
        #expect(warning.hasPrefix("warning"))
        #expect(warning.contains("error_kind=server"))
        Self.expectClean(capture)
    }

    @Test("a failed uptime pie in a readout logs no error text")
    func readoutPie() async throws {
        let capture = LogCapture()
        let harness = try await Self.loggedIn(capture)
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/")
        harness.transport.enqueue(fh("asset.json"), path: "/asset/")
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-effective-uptime/")
        harness.transport.enqueue(try Self.echoPage(), path: "/auth/refresh-token")
        let readout = try await harness.client.readoutSequence()
        #expect(readout.uptimePie == nil)
        #expect(capture.text.contains("readout: uptime pie failed"))
        Self.expectClean(capture)
    }
}
